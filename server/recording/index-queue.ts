import { processSingleton } from '@/lib/process-singleton';

/*
 * Indexing runs one recording at a time in the background. The gateway (server/) and replay
 * routes (bundled by Next.js) share one queue per process.
 */
type Queue = { running: Map<string, Promise<void>>; tail: Promise<void>; stop: AbortController };

function queue(): Queue {
  return processSingleton<Queue>('indexQueue', () => ({ running: new Map(), tail: Promise.resolve(), stop: new AbortController() }));
}

/** Indexes a recording after those already waiting; resolves when it is done (or stopped). */
export function scheduleIndexing(recordingId: string): Promise<void> {
  const q = queue();
  const existing = q.running.get(recordingId);
  if (existing) return existing;
  const { signal } = q.stop;
  const job = q.tail.then(() => (signal.aborted ? undefined : runIndexing(recordingId, signal))).finally(() => q.running.delete(recordingId));
  q.running.set(recordingId, job);
  q.tail = job.catch(() => undefined);
  return job;
}

async function runIndexing(recordingId: string, signal: AbortSignal): Promise<void> {
  // Loaded on first use: test harnesses import this module only to stop it.
  const { indexRecording } = await import('./index-recording');
  await indexRecording(recordingId, signal);
}

/** Recordings being indexed or waiting for it in this process (benchmarks watch it). */
export function indexingJobCount(): number {
  return queue().running.size;
}

/** Resolves once every indexing job scheduled so far has finished, and those they queued. */
export async function drainIndexing(): Promise<void> {
  const q = queue();
  let tail: Promise<void>;
  do {
    tail = q.tail;
    await tail;
  } while (tail !== q.tail);
}

/**
 * Before the database closes (shutdown, the end of a test file): jobs not started are
 * dropped, the running one stops at its next step (its worker is terminated), and this
 * resolves once it has. The recordings stay `pending` and are indexed when next opened.
 * Jobs scheduled afterwards run as usual.
 */
export async function stopIndexing(): Promise<void> {
  const q = queue();
  q.stop.abort();
  q.stop = new AbortController();
  await drainIndexing();
}

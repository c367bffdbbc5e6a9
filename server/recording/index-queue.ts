import { indexRecording } from './index-recording';

/*
 * Indexing runs one recording at a time in the background. The queue lives on globalThis:
 * the gateway (server/) and replay routes (bundled by Next.js) must share it.
 */
type Queue = { running: Map<string, Promise<void>>; tail: Promise<void> };
const globalForQueue = globalThis as unknown as { __portholeIndexQueue?: Queue };

function queue(): Queue {
  globalForQueue.__portholeIndexQueue ??= { running: new Map(), tail: Promise.resolve() };
  return globalForQueue.__portholeIndexQueue;
}

/** Indexes a recording after those already waiting; resolves when it is done. */
export function scheduleIndexing(recordingId: string): Promise<void> {
  const q = queue();
  const existing = q.running.get(recordingId);
  if (existing) return existing;
  const job = q.tail.then(() => indexRecording(recordingId)).finally(() => q.running.delete(recordingId));
  q.running.set(recordingId, job);
  q.tail = job.catch(() => undefined);
  return job;
}

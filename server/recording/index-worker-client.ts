import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { processSingleton } from '@/lib/process-singleton';
import type { StoredChunk } from './format';
import type { IndexResult } from './index-builder';
import { IndexPacer } from './index-pacing';
import { storedChunks, type RecordingRef } from './read-events';
import type { ScreenRules } from './screen-secrets';

/** The worker could not be started here (no built worker, no tsx): index on this thread. */
export class WorkerUnavailable extends Error {}

/**
 * scripts/build-server.mjs bundles the worker next to the server bundle, so only the built
 * server finds it here; running from source (tsx: dev, tests) uses the source, never a stale build.
 */
// The name is put together at run time so that Next's bundler, which sees this file too,
// does not try to resolve the built worker (it exists only beside the esbuild bundle).
const BUILT_WORKER_FILE = path.join(__dirname, ['index-worker', 'js'].join('.'));
const WORKER_FILE = path.join(process.cwd(), 'server', 'recording', 'index-worker.ts');
const TSX_CJS_API = path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cjs', 'api', 'index.cjs');
/** A worker with no job for this long is ended (it holds a terminal's worth of memory). */
const IDLE_MS = 30_000;
/** How long an abandoned job's worker may take to finish the chunk it is on before it is ended anyway. */
const BUSY_WAIT_MS = 10_000;

/** The worker's entry is code to evaluate: Next.js's bundler would try to bundle a file path given here. */
function startWorker(): Worker {
  if (fs.existsSync(BUILT_WORKER_FILE)) return new Worker(`require(${JSON.stringify(BUILT_WORKER_FILE)});`, { eval: true });
  if (!fs.existsSync(WORKER_FILE) || !fs.existsSync(TSX_CJS_API)) throw new WorkerUnavailable('the worker source is not here');
  // A worker's entry cannot be TypeScript by itself: this bootstrap registers tsx, then loads it.
  const bootstrap = `require(${JSON.stringify(TSX_CJS_API)}).register(); require(${JSON.stringify(WORKER_FILE)});`;
  return new Worker(bootstrap, { eval: true });
}

type WorkerAnswer = { type: 'ack' } | { type: 'done'; result: IndexResult } | { type: 'error'; message: string };
/** The worker kept between jobs (the index queue runs one job at a time), and whether it has answered yet. */
type Kept = { worker: Worker; hasAnswered: boolean; isExited: boolean; idle?: NodeJS.Timeout };

const kept = () => processSingleton<{ current: Kept | null }>('indexWorker', () => ({ current: null }));

function takeWorker(): Kept {
  const slot = kept();
  const current = slot.current;
  slot.current = null;
  if (current) clearTimeout(current.idle);
  // One that ended while it waited (out of memory, killed) is not asked again.
  if (current && !current.isExited) return current;
  const held: Kept = { worker: startWorker(), hasAnswered: false, isExited: false };
  held.worker.once('exit', () => (held.isExited = true));
  return held;
}

/** Back for the next job; ended after IDLE_MS without one (unref'd: it never keeps the process up). */
function returnWorker(held: Kept): void {
  const slot = kept();
  if (slot.current) {
    void held.worker.terminate();
    return;
  }
  held.idle = setTimeout(() => {
    if (slot.current === held) slot.current = null;
    void held.worker.terminate();
  }, IDLE_MS);
  held.idle.unref();
  held.worker.unref();
  slot.current = held;
}

/**
 * Indexes a recording in the kept worker (started if there is none). A job that fails or is
 * aborted ends its worker, so the next job starts from a fresh one.
 */
export async function computeIndexInWorker(
  recording: RecordingRef & { cols: number; rows: number; duration: number },
  rules: ScreenRules,
  { takesKeyframes, signal }: { takesKeyframes: boolean; signal?: AbortSignal },
): Promise<IndexResult> {
  const held = takeWorker();
  const { worker } = held;
  worker.ref();
  let waiter: { resolve: (message: WorkerAnswer) => void; reject: (error: Error) => void } | undefined;
  const next = () => new Promise<WorkerAnswer>((resolve, reject) => (waiter = { resolve, reject }));
  // Whether the worker is working on a message (a chunk, the end) it has not answered yet.
  let isBusy = false;
  const onMessage = (message: WorkerAnswer) => {
    held.hasAnswered = true;
    isBusy = false;
    if (message.type === 'error') waiter?.reject(new Error(`indexing worker: ${message.message}`));
    else waiter?.resolve(message);
  };
  const onError = (error: Error) => waiter?.reject(held.hasAnswered ? error : new WorkerUnavailable(error.message));
  const onExit = (code: number) =>
    waiter?.reject(held.hasAnswered ? new Error(`indexing worker exited (${code})`) : new WorkerUnavailable(`worker exited (${code})`));
  const onAbort = () => waiter?.reject(signal!.reason as Error);
  worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  signal?.addEventListener('abort', onAbort, { once: true });
  let isDone = false;
  try {
    worker.postMessage({ type: 'start', job: { cols: recording.cols, rows: recording.rows, duration: recording.duration, takesKeyframes, rules } });
    const send = async ({ seq, isSealed, bytes }: StoredChunk) => {
      const answer = next();
      // A copy the worker owns: the store's buffer may be a view of a larger one.
      const copy = new Uint8Array(bytes);
      isBusy = true;
      worker.postMessage({ type: 'chunk', seq, isSealed, bytes: copy }, [copy.buffer]);
      await answer;
    };
    const chunks = storedChunks(recording);
    const pacer = new IndexPacer();
    // The next chunk is read while the worker decodes and indexes this one.
    let reading = chunks.next();
    for (;;) {
      const read = await reading;
      if (read.done) break;
      signal?.throwIfAborted();
      reading = chunks.next();
      // Awaited on the next turn of the loop; until then a failed read must not count as unhandled.
      reading.catch(() => undefined);
      await pacer.untilSessionsQuiet(signal);
      await send(read.value);
    }
    const done = next();
    isBusy = true;
    worker.postMessage({ type: 'end' });
    const answer = await done;
    if (answer.type !== 'done') throw new Error('indexing worker: unexpected answer');
    isDone = true;
    return answer.result;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    if (isDone) returnWorker(held);
    else await endWorker(held, isBusy);
  }
}

/**
 * Ends the worker of a job that failed or was aborted, once it is not in the middle of a chunk:
 * a thread terminated while it creates a Brotli decoder (decoding a chunk) aborts the whole
 * process on Node 24 (`CompressionStream::Close()`: "close before init", seen in CI), and with it
 * every live session. A worker that does not answer within BUSY_WAIT_MS is ended anyway.
 */
async function endWorker(held: Kept, isBusy: boolean): Promise<void> {
  const { worker } = held;
  if (isBusy && !held.isExited) {
    await new Promise<void>((resolve) => {
      const settle = () => {
        clearTimeout(timer);
        worker.off('message', settle).off('error', settle).off('exit', settle);
        resolve();
      };
      const timer = setTimeout(settle, BUSY_WAIT_MS);
      worker.on('message', settle).on('error', settle).on('exit', settle);
    });
  }
  await worker.terminate();
}

/** The kept worker's thread, if one waits for the next job (tests: one worker serves recordings in turn). */
export function keptIndexWorkerThreadId(): number | null {
  const current = kept().current;
  return current && !current.isExited ? current.worker.threadId : null;
}

import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordingCommands, recordings, recordingScreenMasks } from '@/db/recording-schema';
import { SCREEN_MASKS_VERSION } from '@/lib/recording/screen-mask';
import { encodeKeyframe } from './format';
import { IndexBuilder, type IndexedEvent, type IndexResult } from './index-builder';

export { HEATMAP_BUCKETS, KEYFRAME_BYTES, KEYFRAME_SCROLLBACK, KEYFRAME_SECONDS } from './index-builder';
import { iterateEvents, type RecordingRef } from './read-events';
import { recordingStore } from './stores/select-store';
import { loadScreenRules } from './screen-masking-rules';
import { screenSecretFinder, type ScreenRules } from './screen-secrets';
import { markSearchState, writeSearchEntries } from './search-entries';
import { log } from '../log/logger';

/**
 * Indexes in a worker thread when one can be started (the built worker, or from source with
 * tsx); otherwise, or if the worker fails to start, on this thread.
 */
export async function computeIndex(
  recording: RecordingRef & { cols: number; rows: number; duration: number },
  rules: ScreenRules,
  signal?: AbortSignal,
): Promise<IndexResult> {
  try {
    return await computeIndexInWorker(recording, rules, signal);
  } catch (error) {
    if (!(error instanceof WorkerUnavailable)) throw error;
    const builder = new IndexBuilder({ ...recording, findSecrets: screenSecretFinder(rules) });
    for await (const event of iterateEvents(recording)) {
      signal?.throwIfAborted();
      await builder.add(event);
    }
    return builder.finish();
  }
}

class WorkerUnavailable extends Error {}

/** Microseconds are all a recording's clock resolves. */
const roundDuration = (seconds: number | null) => (seconds === null ? null : Math.round(seconds * 1e6) / 1e6);

/**
 * scripts/build-server.mjs bundles the worker next to the server bundle, so only the built
 * server finds it here; running from source (tsx: dev, tests) uses the source, never a stale build.
 */
// The name is put together at run time so that Next's bundler, which sees this file too,
// does not try to resolve the built worker (it exists only beside the esbuild bundle).
const BUILT_WORKER_FILE = path.join(__dirname, ['index-worker', 'js'].join('.'));
const WORKER_FILE = path.join(process.cwd(), 'server', 'recording', 'index-worker.ts');
const TSX_CJS_API = path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cjs', 'api', 'index.cjs');

/** The worker's entry is code to evaluate: Next.js's bundler would try to bundle a file path given here. */
function startWorker(workerData: unknown): Worker {
  if (fs.existsSync(BUILT_WORKER_FILE)) return new Worker(`require(${JSON.stringify(BUILT_WORKER_FILE)});`, { eval: true, workerData });
  if (!fs.existsSync(WORKER_FILE) || !fs.existsSync(TSX_CJS_API)) throw new WorkerUnavailable('the worker source is not here');
  // A worker's entry cannot be TypeScript by itself: this bootstrap registers tsx, then loads it.
  const bootstrap = `require(${JSON.stringify(TSX_CJS_API)}).register(); require(${JSON.stringify(WORKER_FILE)});`;
  return new Worker(bootstrap, { eval: true, workerData });
}
/** Events sent to the worker per message (one chunk's worth, at most). */
const WORKER_BATCH = 2000;

async function computeIndexInWorker(
  recording: RecordingRef & { cols: number; rows: number; duration: number },
  rules: ScreenRules,
  signal?: AbortSignal,
): Promise<IndexResult> {
  const worker = startWorker({ cols: recording.cols, rows: recording.rows, duration: recording.duration, rules });
  let hasAnswered = false;
  let waiter: { resolve: (message: WorkerAnswer) => void; reject: (error: Error) => void } | undefined;
  const next = () => new Promise<WorkerAnswer>((resolve, reject) => (waiter = { resolve, reject }));
  worker.on('message', (message: WorkerAnswer) => {
    hasAnswered = true;
    if (message.type === 'error') waiter?.reject(new Error(`indexing worker: ${message.message}`));
    else waiter?.resolve(message);
  });
  worker.on('error', (error) => waiter?.reject(hasAnswered ? error : new WorkerUnavailable(error.message)));
  worker.on('exit', (code) => waiter?.reject(hasAnswered ? new Error(`indexing worker exited (${code})`) : new WorkerUnavailable(`worker exited (${code})`)));
  const onAbort = () => waiter?.reject(signal!.reason as Error);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let batch: IndexedEvent[] = [];
    const send = async () => {
      const answer = next();
      worker.postMessage({ type: 'events', events: batch });
      batch = [];
      await answer;
    };
    for await (const event of iterateEvents(recording)) {
      signal?.throwIfAborted();
      batch.push(event);
      if (batch.length >= WORKER_BATCH) await send();
    }
    if (batch.length > 0) await send();
    const done = next();
    worker.postMessage({ type: 'end' });
    const answer = await done;
    if (answer.type !== 'done') throw new Error('indexing worker: unexpected answer');
    return answer.result;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await worker.terminate();
  }
}

type WorkerAnswer = { type: 'ack' } | { type: 'done'; result: IndexResult } | { type: 'error'; message: string };

/**
 * Computes and stores the index of a finished recording. Once `signal` aborts (the queue is
 * stopping) it stops between steps, and the recording stays as it was (`pending`).
 */
export async function indexRecording(recordingId: string, signal?: AbortSignal): Promise<void> {
  const [recording] = await db().select().from(recordings).where(eq(recordings.id, recordingId));
  if (!recording || recording.status === 'recording') return;
  try {
    const result = await computeIndex(recording, await loadScreenRules(recording.id), signal);
    signal?.throwIfAborted();
    const store = recordingStore(recording.store);
    const keyframeBytes = await store.writeKeyframes(
      recording.id,
      result.keyframes.map((keyframe) => ({ t: keyframe.t, bytes: encodeKeyframe(keyframe) })),
    );
    const chunkBytes = (await store.listChunks(recording.id)).reduce((sum, chunk) => sum + chunk.storedBytes, 0);
    signal?.throwIfAborted();
    await db().transaction(async (tx) => {
      await tx.delete(recordingCommands).where(eq(recordingCommands.recordingId, recording.id));
      for (let i = 0; i < result.commands.length; i += 200) {
        await tx
          .insert(recordingCommands)
          .values(
            result.commands
              .slice(i, i + 200)
              .map((command, j) => ({ recordingId: recording.id, seq: i + j, ...command, duration: roundDuration(command.duration) })),
          );
      }
      await tx.delete(recordingScreenMasks).where(eq(recordingScreenMasks.recordingId, recording.id));
      await tx.insert(recordingScreenMasks).values({ recordingId: recording.id, version: SCREEN_MASKS_VERSION, masks: result.screenMasks });
      await writeSearchEntries(tx, recording.id, result.commands, result.searchLines);
      await tx
        .update(recordings)
        .set({
          indexState: 'ready',
          commandCount: result.commands.length,
          heatmap: result.heatmap,
          storedBytes: chunkBytes + keyframeBytes,
          updatedAt: sql`now()`,
        })
        .where(eq(recordings.id, recording.id));
    });
  } catch (error) {
    if (signal?.aborted) return;
    // Deleted or purged while it was being indexed: nothing is left to index, nothing failed.
    if (!(await recordingExists(recordingId))) {
      log().info({ recordingId }, 'recording deleted while it was being indexed');
      return;
    }
    log().error({ recordingId, err: error }, 'indexing failed');
    await db()
      .update(recordings)
      .set({ indexState: 'failed' })
      .where(eq(recordings.id, recordingId))
      .catch(() => undefined);
    // Not searchable, and not tried again by the search backfill at every start.
    await markSearchState(db(), recordingId, 'failed').catch(() => undefined);
  }
}

async function recordingExists(recordingId: string): Promise<boolean> {
  const rows = await db()
    .select({ id: recordings.id })
    .from(recordings)
    .where(eq(recordings.id, recordingId))
    .catch(() => undefined);
  // Unknown (the database is gone too): say it failed, as before.
  return rows === undefined || rows.length > 0;
}

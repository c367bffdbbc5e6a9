import { eq, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db/client';
import { recordingCommands, recordings, recordingScreenMasks } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import { recordingKindOf } from '@/lib/recording/recording-kind';
import { SCREEN_MASKS_VERSION } from '@/lib/recording/screen-mask';
import { IndexBuilder, type IndexResult } from './index-builder';
import { computeIndexInWorker, WorkerUnavailable } from './index-worker-client';

export { HEATMAP_BUCKETS, KEYFRAME_BYTES, KEYFRAME_SCROLLBACK, KEYFRAME_SECONDS } from './index-builder';
import { iterateEvents, type RecordingRef } from './read-events';
import { recordingStore } from './stores/select-store';
import { loadScreenRules } from './screen-masking-rules';
import { screenSecretFinder, type ScreenRules } from './screen-secrets';
import { markSearchState, writeSearchEntries } from './search-entries';
import { log } from '../log/logger';

/**
 * Indexes in a worker thread when one can be started (the built worker, or from source with
 * tsx; kept for the next recording); otherwise, or if the worker fails to start, on this thread.
 */
export async function computeIndex(
  recording: RecordingRef & { cols: number; rows: number; duration: number },
  rules: ScreenRules,
  { takesKeyframes, signal }: { takesKeyframes: boolean; signal?: AbortSignal },
): Promise<IndexResult> {
  try {
    return await computeIndexInWorker(recording, rules, { takesKeyframes, signal });
  } catch (error) {
    if (!(error instanceof WorkerUnavailable)) throw error;
    const builder = new IndexBuilder({ ...recording, findSecrets: screenSecretFinder(rules), takesKeyframes });
    for await (const event of iterateEvents(recording)) {
      signal?.throwIfAborted();
      await builder.add(event);
    }
    return builder.finish();
  }
}

/** Microseconds are all a recording's clock resolves. */
const roundDuration = (seconds: number | null) => (seconds === null ? null : Math.round(seconds * 1e6) / 1e6);

/**
 * Computes and stores the index of a finished recording. Once `signal` aborts (the queue is
 * stopping) it stops between steps, and the recording stays as it was (`pending`).
 */
export async function indexRecording(recordingId: string, signal?: AbortSignal): Promise<void> {
  const [row] = await db()
    .select({ recording: recordings, resourceType: sessions.resourceType })
    .from(recordings)
    .innerJoin(sessions, eq(sessions.id, recordings.id))
    .where(eq(recordings.id, recordingId));
  if (!row || row.recording.status === 'recording') return;
  const { recording } = row;
  // A SQL or HTTP console writes its command index (statements, exchanges), counts and heatmap
  // as it runs; the terminal's indexer finds none of them and would wipe them. It adds the
  // console's search entries (its statements and errors, from the recorded events).
  const isTerminal = recordingKindOf(row.resourceType) === 'terminal';
  try {
    const result = await computeIndex(recording, await loadScreenRules(recording.id), { takesKeyframes: isTerminal, signal });
    signal?.throwIfAborted();
    const store = recordingStore(recording.store);
    const keyframeBytes = await store.writeKeyframes(
      recording.id,
      result.keyframes.map(({ t, bytes }) => ({ t, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })),
    );
    const chunkBytes = (await store.listChunks(recording.id)).reduce((sum, chunk) => sum + chunk.storedBytes, 0);
    signal?.throwIfAborted();
    await db().transaction(async (tx) => {
      if (isTerminal) await replaceCommands(tx, recording.id, result.commands);
      await tx.delete(recordingScreenMasks).where(eq(recordingScreenMasks.recordingId, recording.id));
      await tx.insert(recordingScreenMasks).values({ recordingId: recording.id, version: SCREEN_MASKS_VERSION, masks: result.screenMasks });
      await writeSearchEntries(tx, recording.id, result.commands, result.searchLines);
      await tx
        .update(recordings)
        .set({
          indexState: 'ready',
          ...(isTerminal ? { commandCount: result.commands.length, heatmap: result.heatmap } : {}),
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

/** A terminal recording's command index, as this indexing pass found it. */
async function replaceCommands(tx: Tx, recordingId: string, commands: IndexResult['commands']): Promise<void> {
  await tx.delete(recordingCommands).where(eq(recordingCommands.recordingId, recordingId));
  for (let i = 0; i < commands.length; i += 200) {
    await tx
      .insert(recordingCommands)
      .values(commands.slice(i, i + 200).map((command, j) => ({ recordingId, seq: i + j, ...command, duration: roundDuration(command.duration) })));
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

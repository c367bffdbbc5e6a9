import { and, asc, eq, gt, ne, notExists, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordings, recordingTombstones, type Recording, type RecordingStoreKind } from '@/db/recording-schema';
import { formatBytes } from '@/lib/format/bytes';
import { formatCount } from '@/lib/format/count';
import { env } from '../../env';
import { recordingStore } from '../stores/select-store';
import { copyRecording } from './copy-recording';

/** A test stops the run right after a step, as a kill would. */
export type MigrationStep = 'copied' | 'switched';
export type MigrationOptions = {
  to: RecordingStoreKind;
  isDryRun?: boolean;
  onProgress?: (line: string) => void;
  afterStep?: (step: MigrationStep, recordingId: string) => void | Promise<void>;
};
export type MigrationSummary = { moved: number; wouldMove: number; skippedLive: number; failed: { id: string; problem: string }[]; cleaned: number };

const PAGE = 100;

/**
 * Moves every sealed recording into the `to` store: copy, verify the copy's chain, switch the
 * row's `store`, then delete the source copy. Resumable because the row is the state: a re-run
 * copies again what was not switched, and removes source copies a kill left after a switch.
 * Live recordings (still being written) and recordings being purged are never touched.
 */
export async function migrateRecordings(options: MigrationOptions): Promise<MigrationSummary> {
  const { to, isDryRun = false, onProgress = () => undefined } = options;
  const summary: MigrationSummary = { moved: 0, wouldMove: 0, skippedLive: 0, failed: [], cleaned: 0 };
  if (!isDryRun) summary.cleaned = await removeLeftovers(to, onProgress);
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await db()
      .select()
      .from(recordings)
      .where(and(ne(recordings.store, to), gt(recordings.id, after), notClaimedForPurge()))
      .orderBy(asc(recordings.id))
      .limit(PAGE);
    if (page.length === 0) break;
    after = page[page.length - 1]!.id;
    for (const row of page) await migrateOne(row, { ...options, onProgress }, summary);
  }
  return summary;
}

async function migrateOne(row: Recording, options: MigrationOptions & { onProgress: (line: string) => void }, summary: MigrationSummary) {
  const { to, isDryRun, onProgress } = options;
  if (row.status === 'recording') {
    summary.skippedLive += 1;
    onProgress(`skip ${row.id}: still being recorded`);
    return;
  }
  if (isDryRun) {
    summary.wouldMove += 1;
    onProgress(`would move ${row.id} (${row.store} → ${to}, ${formatCount(row.chunkCount, 'chunk')}, ${formatBytes(row.storedBytes)})`);
    return;
  }
  const problem = await copyRecording(row, to).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
  if (problem) {
    summary.failed.push({ id: row.id, problem });
    onProgress(`FAILED ${row.id}: ${problem} (left in ${row.store})`);
    return;
  }
  await options.afterStep?.('copied', row.id);
  // Only the row as it was copied switches: not one that started a purge meanwhile.
  const switched = await db()
    .update(recordings)
    .set({ store: to, updatedAt: new Date() })
    .where(and(eq(recordings.id, row.id), eq(recordings.store, row.store), ne(recordings.status, 'recording'), notClaimedForPurge()))
    .returning({ id: recordings.id });
  if (switched.length === 0) {
    await recordingStore(to).deleteRecording(row.id);
    onProgress(`skip ${row.id}: changed while it was copied`);
    return;
  }
  await options.afterStep?.('switched', row.id);
  await recordingStore(row.store).deleteRecording(row.id);
  summary.moved += 1;
  onProgress(`moved ${row.id} (${row.store} → ${to}, ${formatCount(row.chunkCount, 'chunk')} verified)`);
}

function notClaimedForPurge() {
  return notExists(
    db()
      .select({ one: sql`1` })
      .from(recordingTombstones)
      .where(eq(recordingTombstones.id, recordings.id)),
  );
}

/** Source copies of recordings already switched to `to`: a run killed between switch and delete leaves them. */
async function removeLeftovers(to: RecordingStoreKind, onProgress: (line: string) => void): Promise<number> {
  const others = (['file', 'postgres', 's3'] as const).filter((kind) => kind !== to && (kind !== 's3' || env().s3));
  let cleaned = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await db()
      .select({ id: recordings.id })
      .from(recordings)
      .where(and(eq(recordings.store, to), ne(recordings.status, 'recording'), gt(recordings.id, after)))
      .orderBy(asc(recordings.id))
      .limit(PAGE);
    if (page.length === 0) return cleaned;
    after = page[page.length - 1]!.id;
    for (const { id } of page) {
      for (const kind of others) {
        if ((await recordingStore(kind).listChunks(id)).length === 0) continue;
        await recordingStore(kind).deleteRecording(id);
        cleaned += 1;
        onProgress(`removed the ${kind} copy of ${id} left by an earlier run`);
      }
    }
  }
}

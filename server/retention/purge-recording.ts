import { and, eq, isNull } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordings, recordingTombstones, type TombstoneCause } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import { recordingStore } from '../recording/stores/select-store';
import { isHeldSql } from '../retention-policy/hold-condition';

/** The steps of a purge, in order; a test stops the process after any of them. */
export type PurgeStep = 'tombstone' | 'store' | 'row';
export type PurgeHooks = { afterStep?: (step: PurgeStep) => void | Promise<void> };

/**
 * Starts removing a recording: in one transaction, checks it is not held (nor still being
 * written) and writes its tombstone. The tombstone is the claim: once it exists the purge is
 * finished by whoever gets to it, this process or the next run after a crash. Returns
 * false when the recording is held, live, already claimed or gone.
 */
export async function claimForPurge(recordingId: string, cause: TombstoneCause): Promise<boolean> {
  return db().transaction(async (tx) => {
    const [row] = await tx
      .select({
        recording: recordings,
        resourceId: sessions.resourceId,
        resourceName: sessions.resourceName,
        isHeld: isHeldSql(recordings.id, recordings.userId, sessions.resourceId),
      })
      .from(recordings)
      .innerJoin(sessions, eq(sessions.id, recordings.id))
      .where(eq(recordings.id, recordingId))
      .for('update', { of: recordings });
    if (!row || row.isHeld || row.recording.status === 'recording') return false;
    const { recording } = row;
    const inserted = await tx
      .insert(recordingTombstones)
      .values({
        id: recording.id,
        userId: recording.userId,
        resourceId: row.resourceId,
        resourceName: row.resourceName,
        store: recording.store,
        startedAt: recording.startedAt,
        endedAt: recording.endedAt,
        storedBytes: recording.storedBytes,
        headHash: recording.headHash,
        cause,
      })
      .onConflictDoNothing()
      .returning({ id: recordingTombstones.id });
    return inserted.length === 1;
  });
}

/**
 * Finishes a claimed purge. Every step can run twice: the store ignores what is already gone,
 * the row delete matches nothing the second time, and the tombstone is stamped once.
 */
export async function finishPurge(recordingId: string, actorId: string | null, hooks: PurgeHooks = {}): Promise<void> {
  const [tombstone] = await db().select().from(recordingTombstones).where(eq(recordingTombstones.id, recordingId));
  if (!tombstone || tombstone.purgedAt) return;
  await recordingStore(tombstone.store).deleteRecording(recordingId);
  await hooks.afterStep?.('store');
  await db().transaction(async (tx) => {
    // Notes, the command index, search rows, keyframes and screen masks go with the row (cascade).
    await tx.delete(recordings).where(eq(recordings.id, recordingId));
    const stamped = await tx
      .update(recordingTombstones)
      .set({ purgedAt: new Date() })
      .where(and(eq(recordingTombstones.id, recordingId), isNull(recordingTombstones.purgedAt)))
      .returning({ id: recordingTombstones.id });
    if (stamped.length === 0) return;
    const action = tombstone.cause === 'retention' ? 'recording.purged' : 'recording.deleted';
    await recordAuditEvent(
      {
        actorId,
        action,
        targetType: 'recording',
        targetId: recordingId,
        data: { resource: tombstone.resourceName, storedBytes: tombstone.storedBytes, headHash: tombstone.headHash },
      },
      tx,
    );
  });
  await hooks.afterStep?.('row');
}

/** Claims and finishes one recording's purge; false when it may not be purged (held, live, gone). */
export async function purgeRecording(recordingId: string, cause: TombstoneCause, actorId: string | null, hooks: PurgeHooks = {}): Promise<boolean> {
  if (!(await claimForPurge(recordingId, cause))) return false;
  await hooks.afterStep?.('tombstone');
  await finishPurge(recordingId, actorId, hooks);
  return true;
}

/**
 * Purges a crash or a failed store left half-done. Another replica may be finishing one of
 * them right now: both finishing it is harmless (each step is idempotent).
 */
export async function unfinishedPurges(): Promise<string[]> {
  const rows = await db().select({ id: recordingTombstones.id }).from(recordingTombstones).where(isNull(recordingTombstones.purgedAt)).limit(100);
  return rows.map((row) => row.id);
}

import { and, eq, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { recordingObjectChunks, recordings, type HoldScope } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import { env } from '../env';
import { AppError } from '../errors/app-error';
import { log } from '../log/logger';
import { recordingStore } from '../recording/stores/select-store';
import { S3RecordingStore } from '../recording/stores/s3-store';
import { isHeldSql } from '../retention-policy/hold-condition';

type Tx = Pick<Db, 'select'>;

function coveredBy(scope: HoldScope, targetId: string): SQL | undefined {
  if (scope === 'recording') return eq(recordings.id, targetId);
  if (scope === 'user') return eq(recordings.userId, targetId);
  return eq(sessions.resourceId, targetId);
}

/**
 * After a hold is placed or lifted (inside its transaction, so `isHeld` sees it): the chunks in
 * an Object Lock bucket of every recording the hold covers get the object's legal hold set to
 * whether any active hold still covers the recording. A bucket that refuses fails the change,
 * so the database and the bucket never disagree about a hold.
 */
export async function syncObjectLegalHolds(tx: Tx, hold: { scope: HoldScope; targetId: string }): Promise<void> {
  if (!env().s3) return;
  const store = recordingStore('s3');
  if (!(store instanceof S3RecordingStore) || !(await store.bucket.objectLockMode())) return;
  const rows = await tx
    .select({ id: recordings.id, isHeld: isHeldSql(recordings.id, recordings.userId, sessions.resourceId) })
    .from(recordings)
    .innerJoin(sessions, eq(sessions.id, recordings.id))
    .where(and(eq(recordings.store, 's3'), coveredBy(hold.scope, hold.targetId)));
  for (const row of rows) {
    const chunks = await tx.select({ seq: recordingObjectChunks.seq }).from(recordingObjectChunks).where(eq(recordingObjectChunks.recordingId, row.id));
    try {
      await store.setLegalHold(
        row.id,
        chunks.map((chunk) => chunk.seq),
        row.isHeld,
      );
    } catch (error) {
      log().error({ err: error, recordingId: row.id }, 'cannot set the legal hold on the recording objects');
      throw new AppError('UNAVAILABLE', { userMessage: 'The recordings bucket refused the legal hold; nothing was changed. Try again.' });
    }
  }
}

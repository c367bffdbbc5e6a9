import { and, eq, inArray, isNotNull, lt, ne, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { replicas, sessions } from '@/db/schema';
import { publish } from '../events/event-bus';
import { log } from '../log/logger';
import { scheduleIndexing } from '../recording/index-queue';
import { recoverRecording } from '../recording/recover-recordings';
import { replicaId } from './replica-id';

export const DEAD_REPLICA_MESSAGE = 'The Porthole server relaying this session stopped.';

/**
 * A survivor's sweep: live sessions stamped with a replica whose heartbeat is older than
 * `timeoutMs` (or that is gone from the table) are marked interrupted, and their recordings
 * sealed as far as they were written, as a start-up recovery would. Then the dead replicas'
 * rows go. Run under job leadership, so two survivors never recover one recording at once.
 */
export async function interruptDeadReplicas({ timeoutMs }: { timeoutMs: number }): Promise<number> {
  const cutoff = sql`now() - make_interval(secs => ${timeoutMs / 1000})`;
  // No live replica relays it. A session younger than the timeout is left alone, whatever the
  // table says: its replica may have stamped it a moment before its own row was written.
  const isOrphaned = sql`not exists (select 1 from ${replicas} where ${replicas.id} = ${sessions.replicaId} and ${replicas.lastSeenAt} >= ${cutoff})
    and ${sessions.startedAt} < ${cutoff}`;
  const ended = await db()
    .update(sessions)
    .set({ status: 'interrupted', endedAt: sql`coalesce(${sessions.heartbeatAt}, now())`, endReason: 'error', endMessage: DEAD_REPLICA_MESSAGE })
    .where(and(eq(sessions.status, 'active'), isNotNull(sessions.replicaId), ne(sessions.replicaId, replicaId()), isOrphaned))
    .returning({ id: sessions.id, userId: sessions.userId });
  for (const row of ended) publish({ type: 'session.change', sessionId: row.id, userId: row.userId, status: 'interrupted' });
  await recoverRecordingsOf(ended.map((row) => row.id));
  await db().delete(replicas).where(lt(replicas.lastSeenAt, cutoff));
  return ended.length;
}

async function recoverRecordingsOf(sessionIds: string[]): Promise<void> {
  if (sessionIds.length === 0) return;
  const open = await db()
    .select()
    .from(recordings)
    .where(and(inArray(recordings.id, sessionIds), eq(recordings.status, 'recording')));
  for (const recording of open) {
    try {
      await recoverRecording(recording);
      void scheduleIndexing(recording.id);
    } catch (error) {
      log().error({ recordingId: recording.id, err: error }, 'cannot recover the recording of a dead replica');
    }
  }
}

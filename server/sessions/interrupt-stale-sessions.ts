import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { sessions } from '@/db/schema';
import { publish } from '../events/event-bus';

/** The gateway writes a heartbeat this often while a session is live. */
export const SESSION_HEARTBEAT_MS = 15_000;

/**
 * Marks `active` sessions whose gateway stopped writing heartbeats as `interrupted` (the
 * process crashed or restarted). With several replicas on one database a start-up cannot
 * just mark every active row: other replicas' sessions are alive, so staleness decides.
 */
export async function interruptStaleSessions({ staleAfterMs = SESSION_HEARTBEAT_MS * 4 }: { staleAfterMs?: number } = {}): Promise<number> {
  const cutoff = sql`now() - make_interval(secs => ${staleAfterMs / 1000})`;
  const rows = await db()
    .update(sessions)
    .set({
      status: 'interrupted',
      endedAt: sql`coalesce(${sessions.heartbeatAt}, now())`,
      endReason: 'error',
      endMessage: 'Porthole stopped while the session was open.',
    })
    .where(and(eq(sessions.status, 'active'), or(isNull(sessions.heartbeatAt), lt(sessions.heartbeatAt, cutoff))))
    .returning({ id: sessions.id, userId: sessions.userId });
  for (const row of rows) publish({ type: 'session.change', sessionId: row.id, userId: row.userId, status: 'interrupted' });
  return rows.length;
}

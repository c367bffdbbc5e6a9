import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { sessions, type SessionEndReason } from '@/db/schema';

export type HeartbeatResult = { isActive: true } | { isActive: false; endReason: SessionEndReason | null; endMessage: string | null };

/**
 * Periodic flush of a live session's counters; doubles as its heartbeat. When the row is no
 * longer active (ended by another replica, an admin, a revoked grant), says why, so the
 * gateway closes its side with that reason.
 */
export async function recordSessionBytes({ sessionId, bytesIn, bytesOut }: { sessionId: string; bytesIn: number; bytesOut: number }): Promise<HeartbeatResult> {
  const rows = await db()
    .update(sessions)
    .set({ bytesIn, bytesOut, heartbeatAt: sql`now()` })
    .where(and(eq(sessions.id, sessionId), eq(sessions.status, 'active')))
    .returning({ id: sessions.id });
  if (rows.length > 0) return { isActive: true };
  const [row] = await db().select({ endReason: sessions.endReason, endMessage: sessions.endMessage }).from(sessions).where(eq(sessions.id, sessionId));
  return { isActive: false, endReason: row?.endReason ?? null, endMessage: row?.endMessage ?? null };
}

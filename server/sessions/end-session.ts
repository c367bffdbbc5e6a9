import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { sessions, type SessionEndReason } from '@/db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import { publish } from '../events/event-bus';

export type EndSessionInput = {
  sessionId: string;
  reason: SessionEndReason;
  message: string;
  bytesIn: number;
  bytesOut: number;
  exitCode?: number | null;
  /** Who ended it, when not the session's own user (an admin terminating it, later). */
  actorId?: string;
};

/** active → ended with the final counters; a no-op for a session already ended. */
export async function endSession(input: EndSessionInput): Promise<void> {
  const userId = await db().transaction(async (tx) => {
    const [session] = await tx
      .update(sessions)
      .set({
        status: 'ended',
        endedAt: sql`now()`,
        heartbeatAt: sql`now()`,
        endReason: input.reason,
        endMessage: input.message.slice(0, 1000),
        bytesIn: input.bytesIn,
        bytesOut: input.bytesOut,
      })
      .where(and(eq(sessions.id, input.sessionId), eq(sessions.status, 'active')))
      .returning();
    if (!session) return undefined;
    await recordAuditEvent(
      {
        actorId: input.actorId ?? session.userId,
        action: 'session.end',
        targetType: 'session',
        targetId: session.id,
        data: { reason: input.reason, message: session.endMessage, exitCode: input.exitCode ?? null, bytesIn: input.bytesIn, bytesOut: input.bytesOut },
      },
      tx,
    );
    return session.userId;
  });
  if (userId) publish({ type: 'session.change', sessionId: input.sessionId, userId, status: 'ended' });
}

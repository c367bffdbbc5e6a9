import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { sessions, type Session } from '@/db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import { publish } from '../events/event-bus';
import { replicaId } from '../replicas/replica-id';

/**
 * pending → active, once: a session opens one socket in its life. Returns undefined when the
 * session is not the user's or is no longer pending (already opened, ended). `isAutomated`:
 * its ticket was minted through an API token, so a script opened it.
 */
export async function startSession({
  sessionId,
  userId,
  clientIp,
  isAutomated = false,
}: {
  sessionId: string;
  userId: string;
  clientIp?: string;
  isAutomated?: boolean;
}): Promise<Session | undefined> {
  const started = await db().transaction(async (tx) => {
    const [session] = await tx
      .update(sessions)
      .set({ status: 'active', startedAt: sql`now()`, heartbeatAt: sql`now()`, replicaId: replicaId(), isAutomated, ...(clientIp ? { clientIp } : {}) })
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), eq(sessions.status, 'pending')))
      .returning();
    if (!session) return undefined;
    await recordAuditEvent(
      {
        actorId: userId,
        action: 'session.start',
        targetType: 'session',
        targetId: sessionId,
        data: { resourceId: session.resourceId, clientIp: session.clientIp, automated: isAutomated },
      },
      tx,
    );
    return session;
  });
  // After the commit, so a list that refreshes on it reads the new state.
  if (started) publish({ type: 'session.change', sessionId, userId, status: 'active' });
  return started;
}

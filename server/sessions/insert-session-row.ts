import type { Db } from '@/db/client';
import { sessions, type Resource, type Session, type SessionTarget } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { recordAuditEvent } from '../audit/record-audit-event';

type NewSession = {
  actor: Actor;
  resource: Resource;
  clientIp?: string;
  /** A script's requests (the HTTP proxy), not a console a person opened. */
  isAutomated?: boolean;
  target?: SessionTarget;
  /** Added to the `session.create` audit event's data. */
  audit?: Record<string, unknown>;
};

/**
 * The session row and its `session.create` audit event, in the caller's transaction: the one
 * place a session is inserted (a console's, through createSession, and the HTTP proxy's).
 */
export async function insertSessionRow(
  tx: Pick<Db, 'insert'>,
  { actor, resource, clientIp, isAutomated = false, target, audit }: NewSession,
): Promise<Session> {
  const [session] = await tx
    .insert(sessions)
    // As the resource is now; the gateway decides again as the session connects (recording-policy.ts).
    .values({
      userId: actor.id,
      resourceId: resource.id,
      resourceName: resource.name,
      resourceType: resource.type,
      clientIp,
      isAutomated,
      isRecorded: resource.recording !== 'off',
      target: target ?? null,
    })
    .returning();
  if (!session) throw new Error('insert returned no row');
  await recordAuditEvent(
    {
      actorId: actor.id,
      action: 'session.create',
      targetType: 'session',
      targetId: session.id,
      data: { resourceId: resource.id, resourceName: resource.name, via: actor.via, ...(target ? { target } : {}), ...audit },
    },
    tx,
  );
  return session;
}

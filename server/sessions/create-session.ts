import { db } from '@/db/client';
import { sessions } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { requireResource } from '../resources/find-resource';
import { checkResourceAccess } from './check-resource-access';
import { checkSessionTarget } from './check-kubernetes-target';
import { mintTicket } from './mint-ticket';
import { createSessionInput, type CreateSessionInput, type SessionTicketView } from './session-schemas';

/** Opens a session row for `actor` on a resource they may use now, with a ticket for its socket. */
export async function createSession({ actor, input, clientIp }: { actor: Actor; input: CreateSessionInput; clientIp?: string }): Promise<SessionTicketView> {
  const { resourceId, target } = createSessionInput.parse(input);
  const resource = await requireResource(resourceId);
  await checkResourceAccess(actor, resource);
  await checkSessionTarget(resource, target);
  return db().transaction(async (tx) => {
    const [session] = await tx
      .insert(sessions)
      // As the resource is now; the gateway decides again as the session connects (recording-policy.ts).
      .values({
        userId: actor.id,
        resourceId: resource.id,
        resourceName: resource.name,
        resourceType: resource.type,
        clientIp,
        isRecorded: resource.recording !== 'off',
        target: target ?? null,
        openedWithTokenId: actor.tokenId ?? null,
        signInEndsAt: actor.signInEndsAt ?? null,
      })
      .returning();
    if (!session) throw new Error('insert returned no row');
    await recordAuditEvent(
      {
        actorId: actor.id,
        action: 'session.create',
        targetType: 'session',
        targetId: session.id,
        data: { resourceId: resource.id, resourceName: resource.name, via: actor.via, ...(target ? { target } : {}) },
      },
      tx,
    );
    return mintTicket({ actor, sessionId: session.id }, tx);
  });
}

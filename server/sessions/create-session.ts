import { db } from '@/db/client';
import type { Actor } from '../actor/actor';
import { requireResource } from '../resources/find-resource';
import { checkResourceAccess } from './check-resource-access';
import { checkSessionTarget } from './check-kubernetes-target';
import { insertSessionRow } from './insert-session-row';
import { mintTicket } from './mint-ticket';
import { createSessionInput, type CreateSessionInput, type SessionTicketView } from './session-schemas';

/** Opens a session row for `actor` on a resource they may use now, with a ticket for its socket. */
export async function createSession({ actor, input, clientIp }: { actor: Actor; input: CreateSessionInput; clientIp?: string }): Promise<SessionTicketView> {
  const { resourceId, target } = createSessionInput.parse(input);
  const resource = await requireResource(resourceId);
  await checkResourceAccess(actor, resource);
  await checkSessionTarget(resource, target);
  return db().transaction(async (tx) => {
    const session = await insertSessionRow(tx, { actor, resource, clientIp, target });
    return mintTicket({ actor, sessionId: session.id }, tx);
  });
}

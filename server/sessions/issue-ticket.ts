import type { Actor } from '../actor/actor';
import { AppError } from '../errors/app-error';
import { requireResource } from '../resources/find-resource';
import { checkResourceAccess } from './check-resource-access';
import { requireVisibleSession } from './find-session';
import { mintTicket } from './mint-ticket';
import type { SessionTicketView } from './session-schemas';

/**
 * A fresh ticket for a session that has not connected yet (the terminal page was reloaded,
 * or the first ticket expired). Only the owner may open their session.
 */
export async function issueSessionTicket({ actor, sessionId }: { actor: Actor; sessionId: string }): Promise<SessionTicketView> {
  const { session } = await requireVisibleSession(actor, sessionId);
  if (session.userId !== actor.id) throw new AppError('FORBIDDEN', { userMessage: 'Only the user who started this session can open it.' });
  if (session.status !== 'pending') throw new AppError('CONFLICT', { userMessage: 'This session has already been opened or has ended. Start a new session.' });
  if (!session.resourceId) throw new AppError('NOT_FOUND', { userMessage: 'The resource of this session no longer exists.' });
  await checkResourceAccess(actor, await requireResource(session.resourceId));
  return mintTicket({ actor, sessionId });
}

import { canSeeAll, type Actor } from '../actor/actor';
import { AppError } from '../errors/app-error';
import { requireVisibleSession } from './find-session';
import { mintTicket } from './mint-ticket';
import type { SessionTicketView } from './session-schemas';

/**
 * A single-use ticket for the read-only watch socket of someone else's live terminal or SQL console.
 * Auditors and admins only; to anyone else another user's session does not exist.
 */
export async function issueWatchTicket({ actor, sessionId }: { actor: Actor; sessionId: string }): Promise<SessionTicketView> {
  const { session } = await requireVisibleSession(actor, sessionId);
  if (!canSeeAll(actor)) throw new AppError('FORBIDDEN', { userMessage: 'Only auditors and admins can watch sessions.' });
  if (session.userId === actor.id) throw new AppError('CONFLICT', { userMessage: 'This is your own session: open it from your terminal instead.' });
  if (session.status !== 'active') throw new AppError('CONFLICT', { userMessage: 'This session is not live any more.' });
  return mintTicket({ actor, sessionId, purpose: 'watch' });
}

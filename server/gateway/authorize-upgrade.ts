import type { IncomingMessage } from 'node:http';
import type { Resource, Session, User } from '@/db/schema';
import { CLIENT_IP_HEADER } from '../auth/client-ip';
import { hasSessionSignInEnded } from '../access/sign-in-ended';
import { AppError } from '../errors/app-error';
import { metrics } from '../metrics/registry';
import { findResource } from '../resources/find-resource';
import { checkResourceAccess } from '../sessions/check-resource-access';
import { consumeTicket } from '../sessions/consume-ticket';
import { findSession } from '../sessions/find-session';
import { startSession } from '../sessions/start-session';
import { isAllowedOrigin } from '../auth/same-origin';

export type UpgradeDecision =
  | { isAllowed: true; session: Session; user: User; resource: Resource; grantExpiresAt: Date | null }
  | { isAllowed: false; status: 401 | 403 | 404 | 409; reason: string };

const refuse = (status: 401 | 403 | 404 | 409, reason: string): UpgradeDecision => ({ isAllowed: false, status, reason });
const refuseTicket = (reason: string): UpgradeDecision => {
  metrics().ticketFailures.inc();
  return refuse(401, reason);
};

/**
 * Every check a socket must pass before the handshake, in order; the last step moves the
 * session from pending to active so it opens once. Database errors propagate: the caller
 * refuses the upgrade (fail closed).
 */
export async function authorizeUpgrade(req: IncomingMessage, sessionId: string): Promise<UpgradeDecision> {
  const origin = req.headers.origin;
  if (origin !== undefined && !isAllowedOrigin(origin)) return refuse(403, 'Origin not allowed');
  const ticketText = new URL(req.url ?? '/', 'http://localhost').searchParams.get('ticket');
  if (!ticketText) return refuseTicket('Ticket required');
  const ticket = await consumeTicket(ticketText);
  if (!ticket) return refuseTicket('Ticket invalid, expired or already used');
  // Browsers always send Origin; only scripts holding an API token may leave it out.
  if (origin === undefined && ticket.via !== 'token') return refuse(403, 'Origin required');
  if (ticket.sessionId !== sessionId) return refuse(403, 'Ticket is for another session');

  const found = await findSession(sessionId);
  if (!found) return refuse(404, 'No such session');
  const { session, user } = found;
  if (session.userId !== ticket.userId) return refuse(403, 'Not your session');
  if (user.isDisabled) return refuse(403, 'User disabled');
  // A ticket outlives nothing: minted before a sign-out, a password change or a token's revocation, it opens nothing.
  if (await hasSessionSignInEnded(session, user)) return refuse(401, 'Signed out since the session was asked for');
  const resource = session.resourceId ? await findResource(session.resourceId) : undefined;
  if (!resource) return refuse(404, 'Resource no longer exists');
  let grantExpiresAt: Date | null;
  try {
    grantExpiresAt = (await checkResourceAccess(user, resource)).grant?.expiresAt ?? null;
  } catch (error) {
    if (error instanceof AppError) return refuse(403, 'Resource not allowed');
    throw error;
  }
  const clientIp = (req.headers[CLIENT_IP_HEADER] as string | undefined) ?? req.socket.remoteAddress;
  const started = await startSession({ sessionId, userId: user.id, clientIp, isAutomated: ticket.via === 'token' });
  if (!started) return refuse(409, 'Session already opened or ended');
  return { isAllowed: true, session: started, user, resource, grantExpiresAt };
}

import type { IncomingMessage } from 'node:http';
import type { User } from '@/db/schema';
import { canSeeAll } from '../actor/actor';
import { isAllowedOrigin } from '../auth/same-origin';
import { consumeTicket } from '../sessions/consume-ticket';
import { findSession } from '../sessions/find-session';
import { findUserById } from '../users/find-user';
import { liveSessions, type LiveSession } from '../relay/live-sessions';
import type { SessionWatch } from './session-watch';
import type { ConsoleWatch } from '../watch/console-watch';
import { findRelayingReplica } from '../replicas/find-relaying-replica';
import { INTERNAL_WATCH_HEADER, mintInternalWatchToken, verifyInternalWatchToken, type InternalWatcher } from '../replicas/internal-watch-token';

/** A terminal's watchers or a SQL or HTTP console's: all take a watcher's socket the same way. */
export type Watchable = SessionWatch | ConsoleWatch;

export type WatchDecision =
  /** `credential`: what the watcher's ticket was minted with; the watch ends with it (watcher-access.ts). */
  | { isAllowed: true; watcher: User; credential: InternalWatcher; live: LiveSession & { watch: Watchable } }
  /** The session is relayed by another replica, reached at `internalUrl`: the watch is proxied there with `token`. */
  | { isAllowed: true; watcher: User; remote: { internalUrl: string; token: string } }
  | { isAllowed: false; status: 401 | 403 | 404 | 409; reason: string };

const refuse = (status: 401 | 403 | 404 | 409, reason: string): WatchDecision => ({ isAllowed: false, status, reason });

/**
 * Every check a watch socket must pass, in order, as for the session's own socket: origin,
 * a single-use ticket for this session, and then a watcher who may watch (an auditor or admin,
 * enabled, not the session's owner: the owner's tickets open sessions, never watch them) and
 * a session live on this replica or on another live one (proxied there with a signed internal
 * token, which replaces the ticket). Database errors propagate: the caller refuses (fail closed).
 */
export async function authorizeWatch(req: IncomingMessage, sessionId: string): Promise<WatchDecision> {
  const internal = req.headers[INTERNAL_WATCH_HEADER];
  if (internal !== undefined) {
    // Proxied by another replica, which checked origin and ticket; the watcher is checked again below.
    const credential = typeof internal === 'string' ? verifyInternalWatchToken(internal, sessionId) : undefined;
    return credential ? authorizeWatcher(sessionId, credential, { isProxied: true }) : refuse(401, 'Internal watch token invalid or expired');
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !isAllowedOrigin(origin)) return refuse(403, 'Origin not allowed');
  const ticketText = new URL(req.url ?? '/', 'http://localhost').searchParams.get('ticket');
  if (!ticketText) return refuse(401, 'Ticket required');
  const ticket = await consumeTicket(ticketText);
  if (!ticket) return refuse(401, 'Ticket invalid, expired or already used');
  if (origin === undefined && ticket.via !== 'token') return refuse(403, 'Origin required');
  if (ticket.sessionId !== sessionId) return refuse(403, 'Ticket is for another session');
  const { userId: watcherId, openedWithTokenId, signInEndsAt } = ticket;
  return authorizeWatcher(sessionId, { watcherId, openedWithTokenId, signInEndsAt }, { isProxied: false });
}

async function authorizeWatcher(sessionId: string, credential: InternalWatcher, { isProxied }: { isProxied: boolean }): Promise<WatchDecision> {
  const found = await findSession(sessionId);
  if (!found) return refuse(404, 'No such session');
  const watcher = await findUserById(credential.watcherId);
  if (!watcher || watcher.isDisabled) return refuse(403, 'User disabled');
  if (!canSeeAll(watcher)) return refuse(403, 'Only auditors and admins can watch');
  if (found.session.userId === watcher.id) return refuse(403, 'Not a watch ticket');
  if (found.session.status !== 'active') return refuse(409, 'Session is not live');
  const live = liveSessions().get(sessionId);
  if (!live?.watch) {
    // Relayed by another live replica: proxied there (never twice, so no loop between replicas).
    const internalUrl = isProxied ? undefined : await findRelayingReplica(found.session);
    if (!internalUrl) return refuse(409, 'Session is not relayed by this server');
    return { isAllowed: true, watcher, remote: { internalUrl, token: mintInternalWatchToken({ sessionId, watcher: credential }) } };
  }
  return { isAllowed: true, watcher, credential, live: live as LiveSession & { watch: Watchable } };
}

import { randomBytes } from 'node:crypto';
import { lt, sql } from 'drizzle-orm';
import { db, type Db } from '@/db/client';
import { wsTickets } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { sha256Hex } from '../crypto/master-key';
import { env } from '../env';
import type { SessionTicketView } from './session-schemas';

/** Matches the column default in db/schema.ts (the database clock decides expiry). */
export const TICKET_TTL_SECONDS = 30;

/**
 * The socket URL for a session, on the configured public origin: the session's own, or its
 * read-only watch socket. A ticket is minted for one user; the gateway accepts the owner's on
 * the first and only someone else's (an auditor's, an admin's) on the second.
 */
export function sessionWsUrl(sessionId: string, ticket: string, purpose: TicketPurpose = 'open'): string {
  const base = env().publicUrl.replace(/^http/, 'ws');
  return `${base}/ws/sessions/${sessionId}${purpose === 'watch' ? '/watch' : ''}?ticket=${encodeURIComponent(ticket)}`;
}

export type TicketPurpose = 'open' | 'watch';

/** Mints a single-use ticket for `actor` to open (or watch) `sessionId`; only its hash is stored. */
export async function mintTicket(
  { actor, sessionId, purpose = 'open' }: { actor: Pick<Actor, 'id' | 'via' | 'tokenId' | 'signInEndsAt'>; sessionId: string; purpose?: TicketPurpose },
  tx: Pick<Db, 'insert' | 'delete'> = db(),
): Promise<SessionTicketView> {
  const ticket = randomBytes(32).toString('base64url');
  // Housekeeping: tickets are useless a moment after expiry.
  await tx.delete(wsTickets).where(lt(wsTickets.expiresAt, sql`now() - interval '1 hour'`));
  await tx.insert(wsTickets).values({
    tokenHash: sha256Hex(ticket),
    sessionId,
    userId: actor.id,
    via: actor.via,
    openedWithTokenId: actor.tokenId ?? null,
    signInEndsAt: actor.signInEndsAt ?? null,
  });
  return { id: sessionId, wsUrl: sessionWsUrl(sessionId, ticket, purpose), expiresIn: TICKET_TTL_SECONDS };
}

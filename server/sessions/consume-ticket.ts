import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { wsTickets, type WsTicket } from '@/db/schema';
import { sha256Hex } from '../crypto/master-key';

/**
 * Burns a ticket and returns it, or undefined if it is unknown, used or expired. One
 * conditional UPDATE, so two sockets racing on the same ticket (on any replica) get one row.
 */
export async function consumeTicket(ticket: string): Promise<WsTicket | undefined> {
  if (ticket.length === 0 || ticket.length > 100) return undefined;
  const [row] = await db()
    .update(wsTickets)
    .set({ consumedAt: sql`now()` })
    .where(and(eq(wsTickets.tokenHash, sha256Hex(ticket)), isNull(wsTickets.consumedAt), gt(wsTickets.expiresAt, sql`now()`)))
    .returning();
  return row;
}

import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { isUuid } from '@/lib/uuid/is-uuid';
import { recordAuditEvent } from '../audit/record-audit-event';
import { announceAccessChange } from '../events/access-changes';
import type { SessionClaims } from './session-user';

/**
 * Sign-out: ends the session on the server too, so a copy of the cookie stops working. JWT
 * sessions have no server-side row, so this bumps the user's session version, which signs
 * out the user's other browsers as well, and ends the sessions (terminals, consoles) they opened. Only a session that is still current can do that: a
 * stale or stolen old cookie cannot sign the user out of their live sessions.
 */
export async function endBrowserSession(claims: Pick<SessionClaims, 'uid' | 'sv'>): Promise<boolean> {
  const { uid, sv } = claims;
  if (!uid || !isUuid(uid) || typeof sv !== 'number') return false;
  const isEnded = await db().transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1`, signInsEndedAt: sql`now()` })
      .where(and(eq(users.id, uid), eq(users.sessionVersion, sv)))
      .returning({ id: users.id });
    if (!row) return false;
    await recordAuditEvent({ actorId: uid, action: 'user.sign_out', targetType: 'user', targetId: uid }, tx);
    return true;
  });
  // The terminals and consoles those browsers opened end too, on whichever replica relays them.
  if (isEnded) await announceAccessChange({ type: 'user.sign_in_ended', userId: uid });
  return isEnded;
}

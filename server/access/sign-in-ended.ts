import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { apiTokens } from '@/db/schema';

/**
 * Whether the sign-in that opened a session has ended since: the API token that asked for it
 * was revoked or ran out, or (opened from a browser) the user signed out or changed their
 * password after it was created. Either way the session ends with it: cutting a credential
 * cuts what it opened. A sign-out and a session's creation are both stamped by the database
 * (`now()`); a token's expiry is read against this server's clock, as the token itself is.
 */
export function hasSignInEnded(
  session: { createdAt: Date; openedWithTokenId: string | null },
  user: { signInsEndedAt: Date | null },
  token: { revokedAt: Date | null; expiresAt: Date | null } | null,
  now = new Date(),
): boolean {
  if (session.openedWithTokenId) {
    // A token row that no longer exists ended too.
    if (!token || token.revokedAt) return true;
    return token.expiresAt !== null && token.expiresAt.getTime() <= now.getTime();
  }
  return user.signInsEndedAt !== null && user.signInsEndedAt.getTime() > session.createdAt.getTime();
}

/** hasSignInEnded for one session, reading its token's row (the WebSocket upgrade's check). */
export async function hasSessionSignInEnded(
  session: { createdAt: Date; openedWithTokenId: string | null },
  user: { signInsEndedAt: Date | null },
): Promise<boolean> {
  if (!session.openedWithTokenId) return hasSignInEnded(session, user, null);
  const [token] = await db()
    .select({ revokedAt: apiTokens.revokedAt, expiresAt: apiTokens.expiresAt })
    .from(apiTokens)
    .where(eq(apiTokens.id, session.openedWithTokenId));
  return hasSignInEnded(session, user, token ?? null);
}

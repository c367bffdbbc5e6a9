import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { apiTokens } from '@/db/schema';

/** What a session (or a watch) was opened with: an API token, or a browser sign-in and its absolute limit. */
export type OpenedWith = { createdAt: Date; openedWithTokenId: string | null; signInEndsAt: Date | null };

/**
 * Whether the sign-in that opened a session has ended since: the API token that asked for it
 * was revoked or ran out, or (opened from a browser) the user signed out or changed their
 * password after it was created, or the sign-in reached its absolute limit (8 hours by
 * default), however active. Either way the session ends with it: cutting a credential cuts
 * what it opened. A sign-out and a session's creation are both stamped by the database
 * (`now()`); expiries are read against this server's clock, as the credentials themselves are.
 */
export function hasSignInEnded(
  session: OpenedWith,
  user: { signInsEndedAt: Date | null },
  token: { revokedAt: Date | null; expiresAt: Date | null } | null,
  now = new Date(),
): boolean {
  if (session.openedWithTokenId) {
    // A token row that no longer exists ended too.
    if (!token || token.revokedAt) return true;
    return token.expiresAt !== null && token.expiresAt.getTime() <= now.getTime();
  }
  if (session.signInEndsAt && session.signInEndsAt.getTime() <= now.getTime()) return true;
  return user.signInsEndedAt !== null && user.signInsEndedAt.getTime() > session.createdAt.getTime();
}

/** hasSignInEnded for one session, reading its token's row (the WebSocket upgrade's check). */
export async function hasSessionSignInEnded(session: OpenedWith, user: { signInsEndedAt: Date | null }): Promise<boolean> {
  if (!session.openedWithTokenId) return hasSignInEnded(session, user, null);
  const [token] = await db()
    .select({ revokedAt: apiTokens.revokedAt, expiresAt: apiTokens.expiresAt })
    .from(apiTokens)
    .where(eq(apiTokens.id, session.openedWithTokenId));
  return hasSignInEnded(session, user, token ?? null);
}

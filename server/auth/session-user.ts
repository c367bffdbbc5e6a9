import type { User } from '@/db/schema';
import { env } from '../env';
import { findUserById } from '../users/find-user';
import { checkSessionAge, nowInSeconds } from './session-age';

/** What Porthole keeps in a browser session's token (see auth-options.ts). */
export type SessionClaims = { uid?: string; sv?: number; signedInAt?: number; refreshedAt?: number };

/**
 * The user behind a browser session, re-read from the database on every request: a session
 * past its absolute or idle limit, a disabled user, or a session version bumped by sign-out,
 * a password change or new roles all mean no user.
 */
export async function userFromSessionClaims(claims: SessionClaims, nowSeconds = nowInSeconds()): Promise<User | undefined> {
  if (!claims.uid || !checkSessionAge(claims, env().session, nowSeconds).isValid) return undefined;
  const user = await findUserById(claims.uid);
  if (!user || user.isDisabled || user.sessionVersion !== claims.sv) return undefined;
  return user;
}

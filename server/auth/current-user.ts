import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import type { Role, User } from '@/db/schema';
import { AppError } from '../errors/app-error';
import { authenticateApiToken } from '../tokens/authenticate-api-token';
import { toActor, type Actor } from '../actor/actor';
import { authOptions } from './auth-options';
import { requireRole } from '../actor/require-role';
import { userFromSessionClaims, type SessionClaims } from './session-user';
import { sessionEndsAt } from './session-age';
import { env } from '../env';

/** The browser session's user and when it reaches its absolute limit; see userFromSessionClaims for what ends a session. */
async function userFromSession(): Promise<{ user: User; endsAt: Date } | undefined> {
  const session: unknown = await getServerSession(authOptions());
  if (!session || typeof session !== 'object') return undefined;
  const claims: SessionClaims = session;
  const user = await userFromSessionClaims(claims);
  // userFromSessionClaims refuses a session without its sign-in time.
  return user && claims.signedInAt ? { user, endsAt: sessionEndsAt(claims.signedInAt, env().session) } : undefined;
}

/** The actor behind the current request: a bearer API token or the browser session. */
export async function currentActor(): Promise<Actor | undefined> {
  const authorization = (await headers()).get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const found = match?.[1] ? await authenticateApiToken(match[1]) : undefined;
    // A bad token is an error even if a session cookie is also present: fail closed.
    if (!found) throw new AppError('UNAUTHORIZED', { userMessage: 'The API token is invalid, expired or revoked.' });
    return toActor(found.user, 'token', { tokenId: found.tokenId });
  }
  const signedIn = await userFromSession();
  return signedIn ? toActor(signedIn.user, 'session', { signInEndsAt: signedIn.endsAt }) : undefined;
}

export async function requireActor(...roles: Role[]): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError('UNAUTHORIZED');
  if (roles.length > 0) requireRole(actor, ...roles);
  return actor;
}

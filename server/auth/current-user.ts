import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import type { Role, User } from '@/db/schema';
import { AppError } from '../errors/app-error';
import { authenticateApiToken } from '../tokens/authenticate-api-token';
import { toActor, type Actor } from '../actor/actor';
import { authOptions } from './auth-options';
import { requireRole } from '../actor/require-role';
import { userFromSessionClaims } from './session-user';

/** The browser session's user; see userFromSessionClaims for what ends a session. */
async function userFromSession(): Promise<User | undefined> {
  const session: unknown = await getServerSession(authOptions());
  if (!session || typeof session !== 'object') return undefined;
  return userFromSessionClaims(session);
}

/** The actor behind the current request: a bearer API token or the browser session. */
export async function currentActor(): Promise<Actor | undefined> {
  const authorization = (await headers()).get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const found = match?.[1] ? await authenticateApiToken(match[1]) : undefined;
    // A bad token is an error even if a session cookie is also present: fail closed.
    if (!found) throw new AppError('UNAUTHORIZED', { userMessage: 'The API token is invalid, expired or revoked.' });
    return toActor(found.user, 'token', found.tokenId);
  }
  const user = await userFromSession();
  return user ? toActor(user, 'session') : undefined;
}

export async function requireActor(...roles: Role[]): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError('UNAUTHORIZED');
  if (roles.length > 0) requireRole(actor, ...roles);
  return actor;
}

import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import type { Role, User } from '@/db/schema';
import { AppError } from '../errors/app-error';
import { authenticateApiToken } from '../tokens/authenticate-api-token';
import { findUserById } from '../users/find-user';
import { toActor, type Actor } from './actor';
import { authOptions } from './auth-options';
import { requireRole } from './require-role';

/**
 * The browser session's user, re-read from the database on every request: a disabled user,
 * a changed password or new roles end older sessions at once (session version check).
 */
async function userFromSession(): Promise<User | undefined> {
  const raw: unknown = await getServerSession(authOptions());
  const session = raw as { uid?: string; sv?: number } | null;
  if (!session?.uid) return undefined;
  const user = await findUserById(session.uid);
  if (!user || user.isDisabled || user.sessionVersion !== session.sv) return undefined;
  return user;
}

/** The actor behind the current request: a bearer API token or the browser session. */
export async function currentActor(): Promise<Actor | undefined> {
  const authorization = (await headers()).get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const user = match?.[1] ? await authenticateApiToken(match[1]) : undefined;
    // A bad token is an error even if a session cookie is also present: fail closed.
    if (!user) throw new AppError('UNAUTHORIZED', { userMessage: 'The API token is invalid, expired or revoked.' });
    return toActor(user, 'token');
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

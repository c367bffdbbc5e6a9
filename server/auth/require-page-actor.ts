import { notFound, redirect } from 'next/navigation';
import type { Role } from '@/db/schema';
import { currentActor } from './current-user';
import { hasRole, type Actor } from '../actor/actor';

/**
 * For server components and server actions: the signed-in actor, or a redirect to the login
 * page. With roles, someone without any of them gets a 404 (pages do not reveal what exists).
 */
export async function requirePageActor(...roles: Role[]): Promise<Actor> {
  const actor = await currentActor().catch(() => undefined);
  if (!actor) redirect('/login');
  if (roles.length > 0 && !roles.some((role) => hasRole(actor, role))) notFound();
  return actor;
}

import { asc } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { requireRole } from '../actor/require-role';
import type { UserView } from './user-schemas';
import { toUserView } from './user-view';

export async function listUsers({ actor }: { actor: Actor }): Promise<UserView[]> {
  requireRole(actor, 'admin');
  const rows = await db().select().from(users).orderBy(asc(users.email));
  return rows.map(toUserView);
}

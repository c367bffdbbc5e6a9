import { asc } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { canSeeAll, type Actor } from '../actor/actor';

export type InsightUser = { id: string; name: string; email: string };

/** Whose insights the actor may open: everyone for auditors and admins, else only themselves. */
export async function listInsightUsers({ actor }: { actor: Actor }): Promise<InsightUser[]> {
  if (!canSeeAll(actor)) return [{ id: actor.id, name: actor.name, email: actor.email }];
  return db().select({ id: users.id, name: users.name, email: users.email }).from(users).orderBy(asc(users.name), asc(users.email));
}

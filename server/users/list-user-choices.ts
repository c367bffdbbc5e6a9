import { asc, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { requireRole } from '../actor/require-role';

export type UserChoice = { id: string; name: string; email: string };

/** Who an auditor or admin may pick in an "owner" filter (search, insights): names only, not the admin's user view. */
export async function listUserChoices({ actor }: { actor: Actor }): Promise<UserChoice[]> {
  requireRole(actor, 'auditor', 'admin');
  return db()
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .orderBy(asc(sql`lower(${users.name})`));
}

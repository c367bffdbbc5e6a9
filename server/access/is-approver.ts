import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accessPolicies } from '@/db/access-schema';
import { hasRole, type Actor } from '../actor/actor';
import { DEFAULT_POLICY } from './policy';

/**
 * Whether the actor belongs to any approver group: the default policy's roles, or a resource
 * policy that names one of their roles or them. Someone in none has no approvals page.
 */
export async function isApprover(actor: Pick<Actor, 'id' | 'roles'>): Promise<boolean> {
  if (DEFAULT_POLICY.approverRoles.some((role) => hasRole(actor, role))) return true;
  const roles = actor.roles.length > 0 ? actor.roles : ['engineer'];
  const [row] = await db()
    .select({ one: sql<number>`1` })
    .from(accessPolicies)
    .where(
      sql`${accessPolicies.approverRoles} && ARRAY[${sql.join(
        roles.map((r) => sql`${r}`),
        sql`, `,
      )}]::text[]
        or ${actor.id}::uuid = any(${accessPolicies.approverUserIds})`,
    )
    .limit(1);
  return row !== undefined;
}

import { sql, type SQL } from 'drizzle-orm';
import { accessPolicies } from '@/db/access-schema';
import type { Actor } from '../actor/actor';
import { DEFAULT_POLICY } from './policy';

const textArray = (values: string[]) =>
  sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/**
 * SQL twin of isInApproverGroup for queries that left-join access_policies: a resource
 * without a policy row uses the default approver roles.
 */
export function approverGroupSql(actor: Pick<Actor, 'id' | 'roles'>): SQL {
  const roles = actor.roles.length > 0 ? actor.roles : ['engineer'];
  return sql`(coalesce(${accessPolicies.approverRoles}, ${textArray(DEFAULT_POLICY.approverRoles)}) && ${textArray(roles)}
    or ${actor.id}::uuid = any(coalesce(${accessPolicies.approverUserIds}, ARRAY[]::uuid[])))`;
}

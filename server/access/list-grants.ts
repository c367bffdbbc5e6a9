import { and, count, desc, eq, gt, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { db } from '@/db/client';
import { accessPolicies, grants } from '@/db/access-schema';
import { resources, users } from '@/db/schema';
import { canSeeAll, type Actor } from '../actor/actor';
import { grantListQuery, type GrantView } from './access-schemas';
import { approverGroupSql } from './approver-sql';
import { toGrantView } from './request-view';

type ListArgs = {
  actor: Actor;
  query?: z.input<typeof grantListQuery>;
  /** Leaves out the actor's own grants (Approvals → Active grants: the ones they may revoke for others). */
  isOthersOnly?: boolean;
};

/** The grants the actor may see (their own, those on resources they approve for, all for admins and auditors), narrowed by the query. */
function visibleGrants(actor: Actor, { status, resourceId }: z.output<typeof grantListQuery>, isOthersOnly = false): SQL | undefined {
  const filters: (SQL | undefined)[] = [];
  if (!canSeeAll(actor)) filters.push(or(eq(grants.userId, actor.id), approverGroupSql(actor)));
  if (isOthersOnly) filters.push(ne(grants.userId, actor.id));
  if (status === 'active') filters.push(eq(grants.status, 'active'), gt(grants.expiresAt, sql`now()`));
  else if (status === 'expired') filters.push(or(eq(grants.status, 'expired'), and(eq(grants.status, 'active'), sql`${grants.expiresAt} <= now()`)));
  else if (status) filters.push(eq(grants.status, status));
  if (resourceId) filters.push(eq(grants.resourceId, resourceId));
  return and(...filters);
}

/** Grants the actor may see, newest first, a page at a time. `status=active` means active right now. */
export async function listGrants({ actor, query = {}, isOthersOnly }: ListArgs): Promise<GrantView[]> {
  const q = grantListQuery.parse(query);
  const revoker = alias(users, 'revoker');
  const rows = await db()
    .select({ grant: grants, resourceName: resources.name, userName: users.name, userEmail: users.email, revokerName: revoker.name })
    .from(grants)
    .innerJoin(resources, eq(resources.id, grants.resourceId))
    .innerJoin(users, eq(users.id, grants.userId))
    .leftJoin(revoker, eq(revoker.id, grants.revokedBy))
    // approverGroupSql reads the resource's policy.
    .leftJoin(accessPolicies, eq(accessPolicies.resourceId, grants.resourceId))
    .where(visibleGrants(actor, q, isOthersOnly))
    // The id breaks ties, so each grant is on exactly one page.
    .orderBy(desc(grants.startsAt), desc(grants.id))
    .limit(q.limit)
    .offset((q.page - 1) * q.limit);
  return rows.map(({ grant, ...names }) => toGrantView(grant, names));
}

/** How many grants listGrants lists across its pages (with the same filters). */
export async function countGrants({ actor, query = {}, isOthersOnly }: ListArgs): Promise<number> {
  const q = grantListQuery.parse(query);
  const [row] = await db()
    .select({ n: count() })
    .from(grants)
    .leftJoin(accessPolicies, eq(accessPolicies.resourceId, grants.resourceId))
    .where(visibleGrants(actor, q, isOthersOnly));
  return row?.n ?? 0;
}

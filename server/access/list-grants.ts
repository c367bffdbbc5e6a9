import { and, desc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { db } from '@/db/client';
import { accessPolicies, grants } from '@/db/access-schema';
import { resources, users } from '@/db/schema';
import { canSeeAll, type Actor } from '../actor/actor';
import { grantListQuery, type GrantView } from './access-schemas';
import { approverGroupSql } from './approver-sql';
import { toGrantView } from './request-view';

/**
 * Grants the actor may see, newest first: their own, those on resources they approve for,
 * or all of them for admins and auditors. `status=active` means active right now.
 */
export async function listGrants({ actor, query = {} }: { actor: Actor; query?: z.input<typeof grantListQuery> }): Promise<GrantView[]> {
  const { status, resourceId, limit } = grantListQuery.parse(query);
  const filters: (SQL | undefined)[] = [];
  if (!canSeeAll(actor)) filters.push(or(eq(grants.userId, actor.id), approverGroupSql(actor)));
  if (status === 'active') filters.push(eq(grants.status, 'active'), gt(grants.expiresAt, sql`now()`));
  else if (status === 'expired') filters.push(or(eq(grants.status, 'expired'), and(eq(grants.status, 'active'), sql`${grants.expiresAt} <= now()`)));
  else if (status) filters.push(eq(grants.status, status));
  if (resourceId) filters.push(eq(grants.resourceId, resourceId));
  const revoker = alias(users, 'revoker');
  const rows = await db()
    .select({ grant: grants, resourceName: resources.name, userName: users.name, userEmail: users.email, revokerName: revoker.name })
    .from(grants)
    .innerJoin(resources, eq(resources.id, grants.resourceId))
    .innerJoin(users, eq(users.id, grants.userId))
    .leftJoin(revoker, eq(revoker.id, grants.revokedBy))
    .leftJoin(accessPolicies, eq(accessPolicies.resourceId, grants.resourceId))
    .where(and(...filters))
    .orderBy(desc(grants.startsAt))
    .limit(limit);
  return rows.map(({ grant, ...names }) => toGrantView(grant, names));
}

import { and, asc, eq, gt, ne, or, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accessPolicies, accessRequests, approvals } from '@/db/access-schema';
import { resources, users } from '@/db/schema';
import type { Actor } from '../actor/actor';
import type { RequestView } from './access-schemas';
import { approverGroupSql } from './approver-sql';
import { toRequestViews } from './request-view';

/** Pending, unexpired requests the actor may decide on and has not decided yet. */
function awaitingActor(actor: Pick<Actor, 'id' | 'roles'>) {
  return and(
    eq(accessRequests.status, 'pending'),
    gt(accessRequests.pendingUntil, sql`now()`),
    approverGroupSql(actor),
    or(ne(accessRequests.requesterId, actor.id), eq(accessPolicies.allowSelfApproval, true)),
    sql`not exists (select 1 from ${approvals} where ${approvals.requestId} = ${accessRequests.id} and ${approvals.approverId} = ${actor.id})`,
  );
}

/** The approver's inbox, oldest first (the one waiting longest on top). */
export async function listApprovalsInbox({ actor, limit = 200 }: { actor: Actor; limit?: number }): Promise<RequestView[]> {
  const rows = await db()
    .select({ request: accessRequests, resource: resources, requester: users })
    .from(accessRequests)
    .innerJoin(resources, eq(resources.id, accessRequests.resourceId))
    .innerJoin(users, eq(users.id, accessRequests.requesterId))
    .leftJoin(accessPolicies, eq(accessPolicies.resourceId, accessRequests.resourceId))
    .where(awaitingActor(actor))
    .orderBy(asc(accessRequests.createdAt))
    .limit(limit);
  return toRequestViews(rows);
}

/** The number behind the navigation badge. */
export async function countApprovalsInbox({ actor }: { actor: Pick<Actor, 'id' | 'roles'> }): Promise<number> {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(accessRequests)
    .leftJoin(accessPolicies, eq(accessPolicies.resourceId, accessRequests.resourceId))
    .where(awaitingActor(actor));
  return row?.n ?? 0;
}

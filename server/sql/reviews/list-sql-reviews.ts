import { and, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accessPolicies } from '@/db/access-schema';
import { users } from '@/db/schema';
import { sqlReviews, type ReviewedStatement, type SqlReviewStatus } from '@/db/sql-schema';
import { approverGroupSql } from '../../access/approver-sql';
import type { Actor } from '../../actor/actor';
import { canReviewOn } from './can-review';

export type SqlReviewView = {
  id: string;
  sessionId: string;
  resourceId: string | null;
  resourceName: string;
  requesterName: string;
  requesterEmail: string;
  script: string;
  statements: ReviewedStatement[];
  reason: string;
  status: SqlReviewStatus;
  createdAt: string;
};

/** Pending statement reviews the actor may decide (their own excluded), oldest first. */
export async function listPendingSqlReviews({ actor }: { actor: Actor }): Promise<SqlReviewView[]> {
  const rows = await db()
    .select({ review: sqlReviews, requester: { name: users.name, email: users.email } })
    .from(sqlReviews)
    .innerJoin(users, eq(users.id, sqlReviews.requesterId))
    .where(and(eq(sqlReviews.status, 'pending'), ne(sqlReviews.requesterId, actor.id)))
    .orderBy(desc(sqlReviews.createdAt))
    .limit(200);
  const decidable: SqlReviewView[] = [];
  const cache = new Map<string | null, boolean>();
  for (const { review, requester } of rows.reverse()) {
    if (!cache.has(review.resourceId)) cache.set(review.resourceId, await canReviewOn(actor, review.resourceId));
    if (!cache.get(review.resourceId)) continue;
    decidable.push({
      id: review.id,
      sessionId: review.sessionId,
      resourceId: review.resourceId,
      resourceName: review.resourceName,
      requesterName: requester.name,
      requesterEmail: requester.email,
      script: review.script,
      statements: review.statements,
      reason: review.reason,
      status: review.status,
      createdAt: review.createdAt.toISOString(),
    });
  }
  return decidable;
}

/** How many of those there are: the statement reviews in the approver's badge. */
export async function countPendingSqlReviews({ actor }: { actor: Pick<Actor, 'id' | 'roles'> }): Promise<number> {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(sqlReviews)
    .leftJoin(accessPolicies, eq(accessPolicies.resourceId, sqlReviews.resourceId))
    // A review whose resource is gone has no approver group (canReviewOn says no).
    .where(and(eq(sqlReviews.status, 'pending'), ne(sqlReviews.requesterId, actor.id), isNotNull(sqlReviews.resourceId), approverGroupSql(actor)));
  return row?.n ?? 0;
}

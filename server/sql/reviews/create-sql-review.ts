import { db } from '@/db/client';
import { sqlReviews, type ReviewedStatement } from '@/db/sql-schema';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { publish } from '../../events/event-bus';

export type CreateSqlReviewInput = {
  sessionId: string;
  requesterId: string;
  resource: { id: string; name: string };
  script: string;
  statements: ReviewedStatement[];
  reason: string;
};

/** Holds a submission for an approver; called by the console session, which owns the check. */
export async function createSqlReview(input: CreateSqlReviewInput): Promise<string> {
  const reviewId = await db().transaction(async (tx) => {
    const [row] = await tx
      .insert(sqlReviews)
      .values({
        sessionId: input.sessionId,
        requesterId: input.requesterId,
        resourceId: input.resource.id,
        resourceName: input.resource.name,
        script: input.script,
        statements: input.statements,
        reason: input.reason,
      })
      .returning({ id: sqlReviews.id });
    if (!row) throw new Error('insert returned no row');
    await recordAuditEvent(
      {
        actorId: input.requesterId,
        action: 'sql_review.create',
        targetType: 'sql_review',
        targetId: row.id,
        data: { sessionId: input.sessionId, resourceId: input.resource.id, reason: input.reason },
      },
      tx,
    );
    return row.id;
  });
  // After the commit, so an approver's inbox reloads to a row it can read.
  publish({ type: 'sql_review', reviewId, resourceId: input.resource.id, requesterId: input.requesterId, status: 'pending' });
  return reviewId;
}

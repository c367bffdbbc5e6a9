import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { sqlReviews, type SqlReviewStatus } from '@/db/sql-schema';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { publish } from '../../events/event-bus';

export type ReviewState = { status: SqlReviewStatus; deciderName: string | null; comment: string | null };

/** What became of a review (the console polls this while it waits). */
export async function getReviewState(reviewId: string): Promise<ReviewState | undefined> {
  const [row] = await db()
    .select({ status: sqlReviews.status, comment: sqlReviews.comment, deciderName: users.name })
    .from(sqlReviews)
    .leftJoin(users, eq(users.id, sqlReviews.deciderId))
    .where(eq(sqlReviews.id, reviewId));
  return row ? { status: row.status, comment: row.comment, deciderName: row.deciderName } : undefined;
}

/** The requester withdraws a pending review; false when it was decided meanwhile. */
export async function withdrawSqlReview(reviewId: string, requesterId: string): Promise<boolean> {
  const withdrawn = await db().transaction(async (tx) => {
    const rows = await tx
      .update(sqlReviews)
      .set({ status: 'cancelled', decidedAt: new Date(), comment: 'Withdrawn by the engineer.' })
      .where(and(eq(sqlReviews.id, reviewId), eq(sqlReviews.requesterId, requesterId), eq(sqlReviews.status, 'pending')))
      .returning({ id: sqlReviews.id, sessionId: sqlReviews.sessionId, resourceId: sqlReviews.resourceId });
    const [row] = rows;
    if (!row) return undefined;
    await recordAuditEvent(
      { actorId: requesterId, action: 'sql_review.withdraw', targetType: 'sql_review', targetId: row.id, data: { sessionId: row.sessionId } },
      tx,
    );
    return row;
  });
  if (!withdrawn) return false;
  publish({ type: 'sql_review', reviewId, resourceId: withdrawn.resourceId, requesterId, status: 'cancelled' });
  return true;
}

/** A session's pending reviews lapse when it ends: approving them later would run nothing. */
export async function cancelSessionReviews(sessionId: string): Promise<void> {
  const cancelled = await db().transaction(async (tx) => {
    const rows = await tx
      .update(sqlReviews)
      .set({ status: 'cancelled', decidedAt: new Date(), comment: 'The session ended before a decision.' })
      .where(and(eq(sqlReviews.sessionId, sessionId), eq(sqlReviews.status, 'pending')))
      .returning({ id: sqlReviews.id, resourceId: sqlReviews.resourceId, requesterId: sqlReviews.requesterId });
    for (const row of rows) {
      // No person decided: the session's end did.
      await recordAuditEvent(
        { actorId: null, action: 'sql_review.cancel', targetType: 'sql_review', targetId: row.id, data: { sessionId, reason: 'session_ended' } },
        tx,
      );
    }
    return rows;
  });
  for (const row of cancelled) publish({ type: 'sql_review', reviewId: row.id, resourceId: row.resourceId, requesterId: row.requesterId, status: 'cancelled' });
}

import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { sqlReviews, type SqlReviewStatus } from '@/db/sql-schema';

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
  const rows = await db()
    .update(sqlReviews)
    .set({ status: 'cancelled', decidedAt: new Date(), comment: 'Withdrawn by the engineer.' })
    .where(and(eq(sqlReviews.id, reviewId), eq(sqlReviews.requesterId, requesterId), eq(sqlReviews.status, 'pending')))
    .returning({ id: sqlReviews.id });
  return rows.length > 0;
}

/** A session's pending reviews lapse when it ends: approving them later would run nothing. */
export async function cancelSessionReviews(sessionId: string): Promise<void> {
  await db()
    .update(sqlReviews)
    .set({ status: 'cancelled', decidedAt: new Date() })
    .where(and(eq(sqlReviews.sessionId, sessionId), eq(sqlReviews.status, 'pending')));
}

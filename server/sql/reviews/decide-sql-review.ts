import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { sqlReviews } from '@/db/sql-schema';
import type { Actor } from '../../actor/actor';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { AppError } from '../../errors/app-error';
import { publish } from '../../events/event-bus';
import { canReviewOn } from './can-review';

export const decideSqlReviewInput = z.object({
  reviewId: z.uuid(),
  decision: z.enum(['approve', 'deny']),
  comment: z.string().trim().max(1000).optional(),
});
export type DecideSqlReviewInput = z.input<typeof decideSqlReviewInput>;

/**
 * An approver's decision on a held submission. One conditional UPDATE: two approvers racing
 * get one decision. The requester's console polls the row and runs it (or shows why not); the
 * other approvers' inboxes drop it live.
 */
export async function decideSqlReview({ actor, input }: { actor: Actor; input: DecideSqlReviewInput }): Promise<{ status: 'approved' | 'denied' }> {
  const { reviewId, decision, comment } = decideSqlReviewInput.parse(input);
  const [review] = await db().select().from(sqlReviews).where(eq(sqlReviews.id, reviewId));
  if (!review) throw new AppError('NOT_FOUND', { userMessage: 'No such statement review.' });
  if (review.requesterId === actor.id) throw new AppError('FORBIDDEN', { userMessage: 'You cannot review your own statements: another approver has to.' });
  if (!(await canReviewOn(actor, review.resourceId))) throw new AppError('FORBIDDEN', { userMessage: `You are not an approver for ${review.resourceName}.` });
  if (decision === 'deny' && !comment)
    throw new AppError('VALIDATION', { userMessage: 'Say why you deny it: the engineer sees your comment.', fields: { comment: ['Give a reason'] } });
  const status = decision === 'approve' ? 'approved' : 'denied';
  await db().transaction(async (tx) => {
    const [updated] = await tx
      .update(sqlReviews)
      .set({ status, deciderId: actor.id, comment: comment ?? null, decidedAt: new Date() })
      .where(and(eq(sqlReviews.id, reviewId), eq(sqlReviews.status, 'pending')))
      .returning({ id: sqlReviews.id });
    if (!updated) throw new AppError('CONFLICT', { userMessage: `This review is already ${review.status === 'pending' ? 'decided' : review.status}.` });
    await recordAuditEvent(
      {
        actorId: actor.id,
        action: `sql_review.${status === 'approved' ? 'approve' : 'deny'}`,
        targetType: 'sql_review',
        targetId: reviewId,
        data: { sessionId: review.sessionId, comment: comment ?? null },
      },
      tx,
    );
  });
  publish({ type: 'sql_review', reviewId, resourceId: review.resourceId, requesterId: review.requesterId, status });
  return { status };
}

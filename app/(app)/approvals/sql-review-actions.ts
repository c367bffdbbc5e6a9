'use server';

import { revalidatePath } from 'next/cache';
import type { FormState } from '@/components/ui/form-state';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { toAppError } from '@/server/errors/to-app-error';
import { decideSqlReview } from '@/server/sql/reviews/decide-sql-review';

async function decide(reviewId: string, decision: 'approve' | 'deny', comment: string): Promise<FormState> {
  const actor = await requirePageActor();
  try {
    await decideSqlReview({ actor, input: { reviewId, decision, comment: comment || undefined } });
    revalidatePath('/approvals');
    return { ok: true, message: decision === 'approve' ? 'Approved: it runs in the engineer’s console now.' : 'Denied: the engineer sees your comment.' };
  } catch (error) {
    const appError = toAppError(error);
    return { ok: false, message: appError.userMessage, fields: appError.fields };
  }
}

export async function approveSqlReviewAction(reviewId: string, comment: string): Promise<FormState> {
  return decide(reviewId, 'approve', comment);
}

export async function denySqlReviewAction(reviewId: string, comment: string): Promise<FormState> {
  return decide(reviewId, 'deny', comment);
}

'use server';

import { z } from 'zod';
import { actionArg, defineAction } from '@/server/api/define-action';
import { decideSqlReview } from '@/server/sql/reviews/decide-sql-review';

function decideAction(decision: 'approve' | 'deny', message: string) {
  return defineAction({
    roles: 'signed-in',
    input: z.tuple([actionArg.id, z.string()]),
    run: async ({ actor, input: [reviewId, comment] }) => {
      await decideSqlReview({ actor, input: { reviewId, decision, comment: comment || undefined } });
      return { ok: true, message };
    },
    revalidate: ['/approvals'],
  });
}

export const approveSqlReviewAction = decideAction('approve', 'Approved: it runs in the engineer’s console now.');
export const denySqlReviewAction = decideAction('deny', 'Denied: the engineer sees your comment.');

import { readJson, withApi } from '@/server/api/with-api';
import { decideSqlReview } from '@/server/sql/reviews/decide-sql-review';
import { sqlReviewDecisionInput } from '@/server/sql/sql-schemas';

export const POST = withApi(async ({ req, actor, params }) =>
  decideSqlReview({ actor, input: { reviewId: params.id ?? '', decision: 'deny', ...sqlReviewDecisionInput.parse(await readJson(req)) } }),
);

import { withApi } from '@/server/api/with-api';
import { listPendingSqlReviews } from '@/server/sql/reviews/list-sql-reviews';

export const GET = withApi(({ actor }) => listPendingSqlReviews({ actor }));

import { withApi } from '@/server/api/with-api';
import { getInsights } from '@/server/insights/get-insights';

export const GET = withApi(({ req, actor }) => getInsights({ actor, query: Object.fromEntries(new URL(req.url).searchParams) }));

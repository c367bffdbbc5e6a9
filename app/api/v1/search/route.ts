import { withApi } from '@/server/api/with-api';
import { searchRecordings } from '@/server/search/search-recordings';

export const GET = withApi(({ req, actor }) => searchRecordings({ actor, query: Object.fromEntries(new URL(req.url).searchParams) }));

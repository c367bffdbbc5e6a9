import { withApi } from '@/server/api/with-api';
import { listRecordings } from '@/server/recording/list-recordings';

export const GET = withApi(({ req, actor }) => listRecordings({ actor, query: Object.fromEntries(new URL(req.url).searchParams) }));

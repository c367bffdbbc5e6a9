import { withApi } from '@/server/api/with-api';
import { listSharedWithMe } from '@/server/sharing/list-shared-with-me';

export const GET = withApi(({ req, actor }) => listSharedWithMe({ actor, query: Object.fromEntries(new URL(req.url).searchParams) }));

import { withApi } from '@/server/api/with-api';
import { grantListQuery } from '@/server/access/access-schemas';
import { listGrants } from '@/server/access/list-grants';

export const GET = withApi(({ req, actor }) => listGrants({ actor, query: grantListQuery.parse(Object.fromEntries(new URL(req.url).searchParams)) }));

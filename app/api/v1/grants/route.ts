import { pagedJson } from '@/server/api/paged-response';
import { withApi } from '@/server/api/with-api';
import { grantListQuery } from '@/server/access/access-schemas';
import { countGrants, listGrants } from '@/server/access/list-grants';

export const GET = withApi(async ({ req, actor }) => {
  const query = grantListQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  const [items, total] = await Promise.all([listGrants({ actor, query }), countGrants({ actor, query })]);
  return pagedJson(items, total);
});

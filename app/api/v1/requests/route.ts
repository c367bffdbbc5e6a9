import { pagedJson } from '@/server/api/paged-response';
import { readJson, withApi } from '@/server/api/with-api';
import { createRequestInput, requestListQuery } from '@/server/access/access-schemas';
import { createRequest } from '@/server/access/create-request';
import { countRequests, listRequests } from '@/server/access/list-requests';

export const GET = withApi(async ({ req, actor }) => {
  const query = requestListQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  const [items, total] = await Promise.all([listRequests({ actor, query }), countRequests({ actor, query })]);
  // The inbox is one page (list-requests.ts): its total is what that page holds.
  return pagedJson(items, query.scope === 'inbox' ? items.length : total);
});
export const POST = withApi(async ({ req, actor }) => createRequest({ actor, input: createRequestInput.parse(await readJson(req)) }), { status: 201 });

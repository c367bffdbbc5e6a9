import { readJson, withApi } from '@/server/api/with-api';
import { createResource } from '@/server/resources/create-resource';
import { listResources } from '@/server/resources/list-resources';
import { createResourceInput, resourceListQuery } from '@/server/resources/resource-schemas';

export const GET = withApi(({ req, actor }) => {
  const query = resourceListQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return listResources({ actor, query });
});
export const POST = withApi(async ({ req, actor }) => createResource({ actor, input: createResourceInput.parse(await readJson(req)) }), {
  roles: ['admin'],
  status: 201,
});

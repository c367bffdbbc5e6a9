import { readJson, withApi } from '@/server/api/with-api';
import { deleteResource } from '@/server/resources/delete-resource';
import { getResource } from '@/server/resources/get-resource';
import { updateResource } from '@/server/resources/update-resource';
import { updateResourceInput } from '@/server/resources/resource-schemas';

export const GET = withApi(({ actor, params }) => getResource({ actor, resourceId: params.id ?? '' }));
export const PATCH = withApi(
  async ({ req, actor, params }) => updateResource({ actor, resourceId: params.id ?? '', input: updateResourceInput.parse(await readJson(req)) }),
  { roles: ['admin'] },
);
export const DELETE = withApi(({ actor, params }) => deleteResource({ actor, resourceId: params.id ?? '' }), { roles: ['admin'] });

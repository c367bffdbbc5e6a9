import { readJson, withApi } from '@/server/api/with-api';
import { policyInput } from '@/server/access/access-schemas';
import { getPolicy } from '@/server/access/get-policy';
import { updatePolicy } from '@/server/access/update-policy';

export const GET = withApi(({ actor, params }) => getPolicy({ actor, resourceId: params.id ?? '' }), { roles: ['admin'] });
export const PUT = withApi(
  async ({ req, actor, params }) => updatePolicy({ actor, resourceId: params.id ?? '', input: policyInput.parse(await readJson(req)) }),
  { roles: ['admin'] },
);

import { readJson, withApi } from '@/server/api/with-api';
import { revokeGrantInput } from '@/server/access/access-schemas';
import { revokeGrant } from '@/server/access/revoke-grant';

export const POST = withApi(async ({ req, actor, params }) =>
  revokeGrant({ actor, grantId: params.id ?? '', input: revokeGrantInput.parse(await readJson(req)) }),
);

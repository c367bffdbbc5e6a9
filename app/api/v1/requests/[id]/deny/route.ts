import { readJson, withApi } from '@/server/api/with-api';
import { decisionInput } from '@/server/access/access-schemas';
import { denyRequest } from '@/server/access/deny-request';

export const POST = withApi(async ({ req, actor, params }) =>
  denyRequest({ actor, requestId: params.id ?? '', input: decisionInput.parse(await readJson(req)) }),
);

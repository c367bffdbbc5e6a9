import { readJson, withApi } from '@/server/api/with-api';
import { decisionInput } from '@/server/access/access-schemas';
import { approveRequest } from '@/server/access/approve-request';

export const POST = withApi(async ({ req, actor, params }) =>
  approveRequest({ actor, requestId: params.id ?? '', input: decisionInput.parse(await readJson(req)) }),
);

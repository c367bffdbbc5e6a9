import { readJson, withApi } from '@/server/api/with-api';
import { createRequestInput, requestListQuery } from '@/server/access/access-schemas';
import { createRequest } from '@/server/access/create-request';
import { listRequests } from '@/server/access/list-requests';

export const GET = withApi(({ req, actor }) => listRequests({ actor, query: requestListQuery.parse(Object.fromEntries(new URL(req.url).searchParams)) }));
export const POST = withApi(async ({ req, actor }) => createRequest({ actor, input: createRequestInput.parse(await readJson(req)) }), { status: 201 });

import { readJson, withApi } from '@/server/api/with-api';
import { listHolds } from '@/server/retention/list-holds';
import { placeHold } from '@/server/retention/place-hold';

export const GET = withApi(({ actor }) => listHolds({ actor }), { roles: ['admin', 'auditor'] });
export const POST = withApi(async ({ req, actor }) => placeHold({ actor, input: await readJson(req) }), { roles: ['admin', 'auditor'], status: 201 });

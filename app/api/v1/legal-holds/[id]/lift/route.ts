import { readJson, withApi } from '@/server/api/with-api';
import { liftHold } from '@/server/retention/lift-hold';

export const POST = withApi(async ({ req, actor, params }) => liftHold({ actor, holdId: params.id ?? '', input: await readJson(req) }), {
  roles: ['admin', 'auditor'],
});

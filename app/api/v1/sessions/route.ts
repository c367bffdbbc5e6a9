import { pagedJson } from '@/server/api/paged-response';
import { readJson, withApi } from '@/server/api/with-api';
import { CLIENT_IP_HEADER } from '@/server/auth/client-ip';
import { createSession } from '@/server/sessions/create-session';
import { countSessions, listSessions } from '@/server/sessions/list-sessions';
import { createSessionInput, sessionListQuery } from '@/server/sessions/session-schemas';

export const GET = withApi(async ({ req, actor }) => {
  const query = sessionListQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  const [items, total] = await Promise.all([listSessions({ actor, query }), countSessions({ actor, query })]);
  return pagedJson(items, total);
});
export const POST = withApi(
  async ({ req, actor }) =>
    createSession({ actor, input: createSessionInput.parse(await readJson(req)), clientIp: req.headers.get(CLIENT_IP_HEADER) ?? undefined }),
  { status: 201 },
);

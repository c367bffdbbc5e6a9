import { readJson, withApi } from '@/server/api/with-api';
import { CLIENT_IP_HEADER } from '@/server/auth/client-ip';
import { createSession } from '@/server/sessions/create-session';
import { listSessions } from '@/server/sessions/list-sessions';
import { createSessionInput, sessionListQuery } from '@/server/sessions/session-schemas';

export const GET = withApi(({ req, actor }) => listSessions({ actor, query: sessionListQuery.parse(Object.fromEntries(new URL(req.url).searchParams)) }));
export const POST = withApi(
  async ({ req, actor }) =>
    createSession({ actor, input: createSessionInput.parse(await readJson(req)), clientIp: req.headers.get(CLIENT_IP_HEADER) ?? undefined }),
  { status: 201 },
);

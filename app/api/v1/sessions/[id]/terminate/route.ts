import { readJson, withApi } from '@/server/api/with-api';
import { terminateSessionInput } from '@/server/sessions/session-schemas';
import { terminateSession } from '@/server/sessions/terminate-session';

/** Auditors and admins end a live session; the engineer reads the reason. */
export const POST = withApi(
  async ({ req, actor, params }) => terminateSession({ actor, sessionId: params.id ?? '', input: terminateSessionInput.parse(await readJson(req)) }),
  {
    roles: ['auditor', 'admin'],
  },
);

import { withApi } from '@/server/api/with-api';
import { getSession } from '@/server/sessions/get-session';

export const GET = withApi(({ actor, params }) => getSession({ actor, sessionId: params.id ?? '' }));

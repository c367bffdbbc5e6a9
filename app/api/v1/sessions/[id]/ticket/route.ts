import { withApi } from '@/server/api/with-api';
import { issueSessionTicket } from '@/server/sessions/issue-ticket';

/** A fresh single-use socket ticket for a session that has not connected yet. */
export const POST = withApi(({ actor, params }) => issueSessionTicket({ actor, sessionId: params.id ?? '' }));

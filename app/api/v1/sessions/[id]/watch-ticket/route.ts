import { withApi } from '@/server/api/with-api';
import { issueWatchTicket } from '@/server/sessions/issue-watch-ticket';

/** A single-use ticket for the read-only watch socket of someone else's live terminal. */
export const POST = withApi(({ actor, params }) => issueWatchTicket({ actor, sessionId: params.id ?? '' }), { roles: ['auditor', 'admin'] });

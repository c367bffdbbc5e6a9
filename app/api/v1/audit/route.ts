import { withApi } from '@/server/api/with-api';
import { listAuditEvents } from '@/server/audit/list-audit-events';

export const GET = withApi(({ req, actor }) => listAuditEvents({ actor, query: Object.fromEntries(new URL(req.url).searchParams) }), {
  roles: ['admin', 'auditor'],
});

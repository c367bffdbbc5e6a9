import { insightsQuery } from '@/lib/insights/insights-types';

/** The insights endpoint, for server/api/openapi.ts. */
export const insightsOperations = [
  {
    method: 'get',
    path: '/insights',
    summary:
      "One user's patterns over a period (week = last 7 days, month = last 30, custom = from..to, UTC days): time per resource and day, most-run commands and SQL statements (arguments and literals folded), failures by cause, retries and what worked, slowest runs, largest result sets, secrets masked by rule and resource, and totals against the period before; every run carries its moment (recordingId, t, href). userId: auditors and admins only (others get 403)",
    tag: 'Insights',
    query: insightsQuery,
  },
] as const;

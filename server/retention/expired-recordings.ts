import { sql, type SQL } from 'drizzle-orm';
import { isHeldSql } from '../retention-policy/hold-condition';

/** The rows retention looks at: `r` a recording, `s` its session, `res` its resource (if it still exists). */
export const RETENTION_FROM = sql`recordings r join sessions s on s.id = r.id left join resources res on res.id = s.resource_id`;

/**
 * Past its retention (the resource's days, else the default; 0 = forever), counted from the
 * session's end, finished, and under no legal hold: what the purge job removes.
 */
export function isExpiredSql(defaultDays: number): SQL {
  return sql`r.status <> 'recording'
    and coalesce(res.retention_days, ${defaultDays}::int) > 0
    and coalesce(r.ended_at, r.started_at) + make_interval(days => coalesce(res.retention_days, ${defaultDays}::int)) < now()
    and not ${isHeldSql(sql`r.id`, sql`r.user_id`, sql`s.resource_id`)}`;
}

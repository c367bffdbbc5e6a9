import { sql, type SQL } from 'drizzle-orm';

/**
 * True when an active legal hold covers the recording: one on the recording itself, on its
 * owner, or on its resource. The columns are passed in so the same rule serves every query.
 */
export function isHeldSql(recordingId: unknown, userId: unknown, resourceId: unknown): SQL<boolean> {
  return sql<boolean>`exists (
    select 1 from legal_holds h
    where h.lifted_at is null
      and ((h.scope = 'recording' and h.target_id = ${recordingId})
        or (h.scope = 'user' and h.target_id = ${userId})
        or (h.scope = 'resource' and h.target_id = ${resourceId}))
  )`;
}

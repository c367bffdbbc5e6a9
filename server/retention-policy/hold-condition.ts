import { sql, type SQL } from 'drizzle-orm';

/**
 * A hold `h` (a row of legal_holds) covers the recording: it is on the recording itself, on
 * its owner, or on its resource. The columns are passed in so the same rule serves every query.
 */
export function holdCoversSql(recordingId: unknown, userId: unknown, resourceId: unknown): SQL<boolean> {
  return sql<boolean>`((h.scope = 'recording' and h.target_id = ${recordingId})
    or (h.scope = 'user' and h.target_id = ${userId})
    or (h.scope = 'resource' and h.target_id = ${resourceId}))`;
}

/** True when an active legal hold covers the recording. */
export function isHeldSql(recordingId: unknown, userId: unknown, resourceId: unknown): SQL<boolean> {
  return sql<boolean>`exists (select 1 from legal_holds h where h.lifted_at is null and ${holdCoversSql(recordingId, userId, resourceId)})`;
}

import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { finishPurge, purgeRecording, unfinishedPurges, type PurgeHooks } from './purge-recording';
import { isExpiredSql, RETENTION_FROM } from './expired-recordings';
import { getRetentionSettings } from '../retention-policy/retention-settings';

/** Recordings purged per run: the job runs again soon, and one run never holds the store for long. */
const BATCH = 50;

/**
 * The retention job: finishes purges a crash left half-done, then purges recordings past their
 * resource's retention (or the default), oldest first, skipping any under a legal hold.
 * Safe on several replicas at once: a recording is claimed by writing its tombstone.
 */
export async function purgeExpiredRecordings(hooks: PurgeHooks = {}): Promise<{ purged: number; resumed: number }> {
  let resumed = 0;
  for (const id of await unfinishedPurges()) {
    await finishPurge(id, null, hooks);
    resumed++;
  }
  const { defaultDays } = await getRetentionSettings();
  let purged = 0;
  for (const id of await expiredRecordingIds(defaultDays)) if (await purgeRecording(id, 'retention', null, hooks)) purged++;
  return { purged, resumed };
}

async function expiredRecordingIds(defaultDays: number): Promise<string[]> {
  const result: unknown = await db().execute(sql`select r.id from ${RETENTION_FROM} where ${isExpiredSql(defaultDays)} order by r.started_at limit ${BATCH}`);
  return (result as { rows: { id: string }[] }).rows.map((row) => row.id);
}

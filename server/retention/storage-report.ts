import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import type { Actor } from '../actor/actor';
import { requireRole } from '../actor/require-role';
import type { StorageReport, StorageRow } from '@/lib/retention/retention-views';
import { isExpiredSql, RETENTION_FROM } from './expired-recordings';
import { getRetentionSettings } from '../retention-policy/retention-settings';

type Row = { key: string | null; label: string; count: number | string; bytes: number | string | null; oldest: Date | string | null };

/** Rows a page shows per group: the biggest first. */
const GROUP_LIMIT = 50;

const toRow = (row: Row): StorageRow => ({
  key: row.key,
  label: row.label,
  count: Number(row.count),
  bytes: Number(row.bytes ?? 0),
  oldest: row.oldest === null ? null : new Date(row.oldest).toISOString(),
});

async function rows(query: ReturnType<typeof sql>): Promise<StorageRow[]> {
  const result: unknown = await db().execute(query);
  return (result as { rows: Row[] }).rows.map(toRow);
}

/** Admins: where recording storage goes (by resource, by user), and what the next purge removes. */
export async function storageReport({ actor }: { actor: Actor }): Promise<StorageReport> {
  requireRole(actor, 'admin');
  const { defaultDays } = await getRetentionSettings();
  const select = sql`count(*) as count, sum(r.stored_bytes) as bytes, min(r.started_at) as oldest`;
  const [byResource, byUser, [total], expiring] = await Promise.all([
    rows(
      sql`select s.resource_id::text as key, s.resource_name as label, ${select} from ${RETENTION_FROM} group by s.resource_id, s.resource_name order by bytes desc nulls last limit ${GROUP_LIMIT}`,
    ),
    rows(
      sql`select r.user_id::text as key, u.name || ' <' || u.email || '>' as label, ${select} from ${RETENTION_FROM} join users u on u.id = r.user_id group by r.user_id, u.name, u.email order by bytes desc nulls last limit ${GROUP_LIMIT}`,
    ),
    rows(sql`select null as key, 'all' as label, ${select} from ${RETENTION_FROM}`),
    expiringRecordings(defaultDays),
  ]);
  return { defaultDays, total: total!, byResource, byUser, nextPurge: expiring };
}

type ExpiringRow = Row & { all_count: number | string; all_bytes: number | string | null };

/** What the purge would remove now: one pass over the expired recordings, counted and summed whole, the oldest 20 listed. */
async function expiringRecordings(defaultDays: number): Promise<StorageReport['nextPurge']> {
  const result: unknown = await db()
    .execute(sql`select r.id::text as key, s.resource_name || ', ' || u.name as label, 1 as count, r.stored_bytes as bytes, r.started_at as oldest,
      count(*) over () as all_count, sum(r.stored_bytes) over () as all_bytes
    from ${RETENTION_FROM} join users u on u.id = r.user_id where ${isExpiredSql(defaultDays)} order by r.started_at limit 20`);
  const found = (result as { rows: ExpiringRow[] }).rows;
  const sample = found.map(toRow);
  const first = found[0];
  return { key: null, label: 'expired', count: Number(first?.all_count ?? 0), bytes: Number(first?.all_bytes ?? 0), oldest: sample[0]?.oldest ?? null, sample };
}

import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { SEARCH_INDEX_VERSION } from '@/db/search-schema';
import { scheduleIndexing } from '../recording/index-queue';
import { rowsOf } from './search-sql';

/** Recordings looked up at a time; each is indexed through the one-at-a-time index queue. */
const BATCH = 20;

/**
 * Makes recordings sealed before search existed searchable, and rebuilds those indexed in an
 * older layout (SEARCH_INDEX_VERSION): each such sealed recording goes through the index job again (in its worker, one at a time, after any
 * recording just sealed), newest first, until none is left. A recording the job cannot index
 * gets the `failed` state, so it is not tried at every start. Returns how many it indexed.
 */
export async function backfillSearch({ signal }: { signal?: AbortSignal } = {}): Promise<number> {
  let count = 0;
  const tried = new Set<string>();
  for (;;) {
    const result = await db().execute(sql`
      select r.id from recordings r
      left join recording_search_states st on st.recording_id = r.id
      where (st.recording_id is null or st.version < ${SEARCH_INDEX_VERSION}) and r.status <> 'recording'
      order by r.started_at desc
      limit ${BATCH + tried.size}`);
    // A recording the queue skipped (it stopped) stays without a state: not picked twice here.
    const ids = rowsOf<{ id: string }>(result)
      .map((row) => row.id)
      .filter((id) => !tried.has(id));
    if (signal?.aborted) return count;
    if (ids.length === 0) return reclaimed(count);
    for (const id of ids.slice(0, BATCH)) {
      if (signal?.aborted) return count;
      tried.add(id);
      await scheduleIndexing(id);
      count++;
    }
  }
}

/**
 * After recordings were indexed again, the entries they replaced are dead rows: VACUUM lets
 * their space be used for new entries. PGlite runs no autovacuum, so without this the search
 * tables would keep every layout's entries after an upgrade (PostgreSQL's autovacuum would get
 * to it in time; one VACUUM after a backfill is cheap there too).
 */
async function reclaimed(count: number): Promise<number> {
  if (count > 0) await db().execute(sql`vacuum search_entries`);
  return count;
}

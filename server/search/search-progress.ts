import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { SEARCH_INDEX_VERSION } from '@/db/search-schema';
import type { SearchQuery, SearchResponse } from '@/lib/search/search-types';
import type { Actor } from '../actor/actor';
import { filters, rowsOf } from './search-sql';

/**
 * Of the sealed recordings this search covers, how many are indexed in the current layout yet
 * (after sealing, or by the start-up backfill; one in an older layout is still searched as it
 * was); null once all are.
 */
export async function indexingProgress(actor: Actor, input: SearchQuery): Promise<SearchResponse['indexing']> {
  const result = await db().execute(sql`
    select count(st.recording_id) filter (where st.version >= ${SEARCH_INDEX_VERSION})::int as done, count(*)::int as total
    from recordings r
    join sessions s on s.id = r.id
    left join recording_search_states st on st.recording_id = r.id
    where ${sql.join(filters(actor, input, { withEntries: false }), sql` and `)}`);
  const [row] = rowsOf<{ done: number; total: number }>(result);
  const done = Number(row?.done ?? 0);
  const total = Number(row?.total ?? 0);
  return done >= total ? null : { done, total };
}

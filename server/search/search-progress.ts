import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import type { SearchQuery, SearchResponse } from '@/lib/search/search-types';
import type { Actor } from '../actor/actor';
import { filters, rowsOf } from './search-sql';

/**
 * Of the sealed recordings this search covers, how many are searchable yet (indexed after
 * sealing, or by the start-up backfill); null once all are.
 */
export async function indexingProgress(actor: Actor, input: SearchQuery): Promise<SearchResponse['indexing']> {
  const result = await db().execute(sql`
    select count(st.recording_id)::int as done, count(*)::int as total
    from recordings r
    join sessions s on s.id = r.id
    left join recording_search_states st on st.recording_id = r.id
    where ${sql.join(filters(actor, input, { withEntries: false }), sql` and `)}`);
  const [row] = rowsOf<{ done: number; total: number }>(result);
  const done = Number(row?.done ?? 0);
  const total = Number(row?.total ?? 0);
  return done >= total ? null : { done, total };
}

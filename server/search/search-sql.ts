import { sql, type SQL } from 'drizzle-orm';
import { SEARCH_WORDS_CONFIG } from '@/db/search-schema';
import type { SearchHit, SearchKind, SearchQuery } from '@/lib/search/search-types';
import { canSeeAll, type Actor } from '../actor/actor';
import type { ParsedSearch } from './parse-search';
import { makeSnippet } from './snippet';

const CONFIG = sql.raw(`'${SEARCH_WORDS_CONFIG}'`);
// Shorter lines first among hits found in the text alone: the match is more of what they say.
// In bytes: octet_length reads a stored block's size from its header, where length() unpacked
// the whole block again (after the match had) and counted its characters: more than half of
// a common substring's time on PGlite (EXPLAIN ANALYZE, one run each, 228 blocks of a 20 MB corpus:
// 378 → 101 ms; bench:search in docs/benchmarks.md, 2026-12-07).
const BY_LENGTH = sql`(1.0 / (1 + octet_length(e.text)))::real`;

/** The match condition and its rank, over `search_entries e`. */
export function matchSql(search: ParsedSearch): { where: SQL; rank: SQL } {
  const inText = search.textPatterns.map((pattern) => sql`e.text ~* ${pattern}`);
  if (search.tsquery === null) return { where: sql.join(inText, sql` and `), rank: BY_LENGTH };
  // The words of letters narrow through the word index; phrases, numbers and substrings are decided in the text.
  const query = sql`to_tsquery(${CONFIG}, ${search.tsquery})`;
  return { where: sql.join([sql`e.tsv @@ ${query}`, ...inText], sql` and `), rank: sql`ts_rank(e.tsv, ${query})` };
}

/** A note is found by those the replay shows it to (canSeeNote); `recordingOwner`: the recording's owner's id. */
export function visibleNoteSql(actor: Actor, recordingOwner: SQL): SQL {
  const sharedWith = canSeeAll(actor) ? sql`true` : sql`(${recordingOwner} = ${actor.id} or a.author_id = ${recordingOwner})`;
  return sql`(e.annotation_id is null or exists (select 1 from annotations a where a.id = e.annotation_id and (a.author_id = ${actor.id} or (a.is_shared and ${sharedWith}))))`;
}

/** A matched row: `line_times` is set for a block of output lines (server/recording/search-blocks.ts). */
export type HitRow = { kind: SearchKind; t: number; text: string; failed: boolean; annotation_id: string | null; line_times: string | null };

export function toHit(row: HitRow, search: ParsedSearch): SearchHit {
  const { snippet, highlights } = makeSnippet(row.text, search);
  return {
    kind: row.kind,
    t: Number(row.t),
    snippet,
    highlights,
    failed: Boolean(row.failed),
    ...(row.annotation_id ? { annotationId: row.annotation_id } : {}),
  };
}

/** Both drivers answer raw queries with `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** Who may be searched and the query's filters, over `recordings r`, `sessions s` and `search_entries e`. */
export function filters(actor: Actor, input: SearchQuery, { withEntries = true } = {}): SQL[] {
  const conditions: SQL[] = [sql`r.status <> 'recording'`];
  if (!canSeeAll(actor)) conditions.push(sql`r.user_id = ${actor.id}`);
  else if (input.ownerId) conditions.push(sql`r.user_id = ${input.ownerId}`);
  if (input.resourceId) conditions.push(sql`s.resource_id = ${input.resourceId}`);
  if (input.resourceType) conditions.push(sql`s.resource_type = ${input.resourceType}`);
  if (input.from) conditions.push(sql`r.started_at >= ${`${input.from}T00:00:00Z`}::timestamptz`);
  if (input.to) conditions.push(sql`r.started_at < ${`${input.to}T00:00:00Z`}::timestamptz + interval '1 day'`);
  if (!withEntries) return conditions;
  if (input.kind) conditions.push(sql`e.kind = ${input.kind}`);
  if (input.failedOnly) conditions.push(sql`e.failed`);
  conditions.push(visibleNoteSql(actor, sql`r.user_id`));
  return conditions;
}

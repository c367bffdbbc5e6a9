import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { searchQuery, type RecordingSearchResponse } from '@/lib/search/search-types';
import type { Actor } from '../actor/actor';
import { requireReplayableRecording } from '../recording/find-recording';
import { parseSearch } from './parse-search';
import { rowHits } from './block-hits';
import { matchSql, rowsOf, visibleNoteSql, type HitRow } from './search-sql';

/** Hits a replay's find bar gets at most (ticks on a timeline beyond that say nothing more). */
export const MAX_RECORDING_HITS = 2000;

export const recordingSearchQuery = searchQuery.pick({ q: true, kind: true, failedOnly: true });
export type RecordingSearchQuery = z.input<typeof recordingSearchQuery>;

/** Every hit in one recording, by time: for the replay's find bar. Same access as the replay (a reviewer: inside the shared range). */
export async function searchRecording({ actor, recordingId, query }: { actor: Actor; recordingId: string; query: unknown }): Promise<RecordingSearchResponse> {
  const input = recordingSearchQuery.parse(query);
  const search = parseSearch(input.q);
  const { access, recording } = await requireReplayableRecording(actor, recordingId);
  const range = access.kind === 'share' ? access.range : null;
  const { where } = matchSql(search);
  const result = await db().execute(sql`
    select e.kind, e.t, e.text, e.failed, e.annotation_id, e.line_times
    from search_entries e
    where e.recording_id = ${recordingId} and ${where} and ${visibleNoteSql(actor, sql`${recording.userId}::uuid`)}
      ${input.kind ? sql`and e.kind = ${input.kind}` : sql``}
      ${input.failedOnly ? sql`and e.failed` : sql``}
      ${range ? sql`and coalesce(e.end_t, e.t) >= ${range.start}` : sql``}
      ${range?.end != null ? sql`and e.t <= ${range.end}` : sql``}
    order by e.t, e.seq
    limit ${MAX_RECORDING_HITS + 1}`);
  // A block's lines come in the order printed, and blocks and lines never overlap in time
  // within a kind; across kinds, the hits are put in order here.
  const rows = rowsOf<HitRow>(result);
  const hits = rows.flatMap((row) => rowHits(row, search, { range: range && { start: range.start, end: range.end ?? null } }).hits).sort((a, b) => a.t - b.t);
  return { query: input.q, hits: hits.slice(0, MAX_RECORDING_HITS), truncated: hits.length > MAX_RECORDING_HITS || rows.length > MAX_RECORDING_HITS };
}

import { z } from 'zod';
import { RESOURCE_TYPES, type ResourceType } from '@/lib/resources/resource-types';
import { numberField } from '@/lib/number-field';

/**
 * The contract between cross-recording search (server/search), its API
 * (`GET /api/v1/search`, `GET /api/v1/recordings/{id}/search`) and the pages that show it
 * (/search, the header box, the replay's find bar). Everything searched is masked text.
 */

/** What a hit is in: a command typed, a line of output as the screen showed it, a SQL statement (or its error), a note. */
export const SEARCH_KINDS = ['command', 'output', 'sql', 'note'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_QUERY_MAX = 1000;

const optional = <T extends z.ZodType>(schema: T) => schema.optional().or(z.literal('').transform(() => undefined));

// A real calendar day (not 2020-02-30, nor 2020-13-45).
const day = z.iso.date('Use a real date, YYYY-MM-DD');

const flag = z
  .enum(['0', '1', 'true', 'false', 'on'])
  .transform((v) => v === '1' || v === 'true' || v === 'on')
  .or(z.boolean());

/** Words, "a phrase", a prefix (`pg_dump --sche`, `deploy*`) or any substring (`ERROR:`), or several of them: the engine decides how to match. */
export const searchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'Type something to search for')
    .max(SEARCH_QUERY_MAX, `Search for at most ${SEARCH_QUERY_MAX.toLocaleString('en-US')} characters`),
  kind: optional(z.enum(SEARCH_KINDS)),
  resourceId: optional(z.uuid()),
  resourceType: optional(z.enum(RESOURCE_TYPES)),
  /** Recordings started on or after this day (UTC). */
  from: optional(day),
  /** Recordings started on or before this day (UTC). */
  to: optional(day),
  /** Auditors and admins only: one user's recordings. Ignored (never widened) for others. */
  ownerId: optional(z.uuid()),
  /** Only failed commands and SQL statements that ended in an error. */
  failedOnly: optional(flag),
  sort: optional(z.enum(['newest', 'relevance'])),
  page: numberField((n) => n.int().min(1)).default(1),
  /** Recordings per page. */
  limit: numberField((n) => n.int().min(1).max(50)).default(20),
});
export type SearchQueryInput = z.input<typeof searchQuery>;
export type SearchQuery = z.output<typeof searchQuery>;

export type SearchHit = {
  kind: SearchKind;
  /** Seconds from the recording's start: where the replay opens (`?t=`). */
  t: number;
  /** The line, command, statement or note body around the match (masked text), at most ~200 characters. */
  snippet: string;
  /** [start, end) offsets in `snippet` to highlight. */
  highlights: Array<[number, number]>;
  /** A failed command (exit code ≠ 0 or likely failed) or a statement that ended in an error. */
  failed: boolean;
  /** The note's id, for kind `note`. */
  annotationId?: string;
};

export type SearchRecordingGroup = {
  recordingId: string;
  resourceId: string | null;
  resourceName: string;
  resourceType: ResourceType;
  userId: string;
  userName: string;
  startedAt: string;
  /** All hits in this recording, though `hits` may hold fewer (the best few); an estimate unless `isHitCountExact`. */
  hitCount: number;
  /**
   * False when the recording matched in more blocks of output than were read for its hits: each
   * block not read counts one hit, though it may hold more (or, for words found on different
   * lines of the block, none). The recording's own search (`/recordings/{id}/search`) counts them.
   */
  isHitCountExact: boolean;
  hits: SearchHit[];
};

export type SearchResponse = {
  query: string;
  /** Recordings with at least one hit. */
  total: number;
  page: number;
  hasMore: boolean;
  recordings: SearchRecordingGroup[];
  /** Recordings not searchable yet (being indexed at start-up or after sealing); null when all are. */
  indexing: { done: number; total: number } | null;
};

/** `GET /api/v1/recordings/{id}/search?q=`: every hit in one recording, by time, for the replay's find bar. */
export type RecordingSearchResponse = { query: string; hits: SearchHit[]; truncated: boolean };

/** Where a hit opens: the replay at its moment, with the query highlighted on screen. */
export function replayHref(recordingId: string, t: number, q?: string, { showNotes = false } = {}): string {
  const params = new URLSearchParams({ t: String(Math.max(0, Math.floor(t * 10) / 10)) });
  if (q) params.set('q', q);
  // A note's hit opens the replay on its Notes tab, where the note is.
  if (showNotes) params.set('view', 'notes');
  return `/recordings/${recordingId}?${params.toString()}`;
}

import type { SearchHit } from '@/lib/search/search-types';
import { blockLines } from '../recording/search-blocks';
import type { ParsedSearch } from './parse-search';
import { toHit, type HitRow } from './search-sql';
import { findMatches } from './snippet';

/** A moment range a hit must fall in (a reviewer's shared range); null: the whole recording. */
export type HitRange = { start: number; end: number | null } | null;

/** Does this line hold every term of the search (as the snippet marks them)? */
function lineMatches(text: string, search: ParsedSearch): boolean {
  return search.terms.every((term) => findMatches(text, { ...search, terms: [term] }).length > 0);
}

/**
 * The hits in one matched row: the row itself for a command, statement or note; for a block of
 * output, each of its lines that matches, at that line's moment. The database matched the block
 * as a whole, so words spread over lines (or a substring across a line break) can match a block
 * with no line that holds them all: its first line with any term stands for it then, so every
 * row the database counted has a hit to show.
 */
export function rowHits(row: HitRow, search: ParsedSearch, range: HitRange = null): SearchHit[] {
  if (row.line_times === null) return [toHit(row, search)];
  const inRange = blockLines(Number(row.t), row.text, row.line_times).filter(
    (line) => !range || (line.t >= range.start && (range.end === null || line.t <= range.end)),
  );
  const asRow = (line: { text: string; t: number }) => toHit({ ...row, text: line.text, t: line.t, line_times: null }, search);
  const matching = inRange.filter((line) => lineMatches(line.text, search));
  if (matching.length > 0) return matching.map(asRow);
  const fallback = inRange.find((line) => findMatches(line.text, search).length > 0);
  return fallback ? [asRow(fallback)] : [];
}

import type { SearchHit } from '@/lib/search/search-types';
import { blockLines, type BlockLine } from '../recording/search-blocks';
import type { ParsedSearch } from './parse-search';
import { toHit, type HitRow } from './search-sql';
import { findMatches, termMatches } from './snippet';

/** A moment range a hit must fall in (a reviewer's shared range); null: the whole recording. */
export type HitRange = { start: number; end: number | null } | null;

/** Does this line hold every term of the search (as the snippet marks them)? */
function lineMatches(text: string, search: ParsedSearch): boolean {
  const lower = text.toLowerCase();
  return search.terms.every((term) => termMatches(lower, term).length > 0);
}

/** A word every matching line holds, lowercased: the first term (a phrase: its first word, as punctuation may stand between its words). */
function firstWord(search: ParsedSearch): string | undefined {
  const first = search.terms[0];
  const word = first?.kind === 'phrase' ? first.text.split(/[^\p{L}\p{N}\p{M}]+/u).find(Boolean) : first?.text;
  return word?.toLowerCase();
}

/**
 * The numbers of a block's lines whose lowercased text holds `needle`, found across the whole
 * block at once: a block has hundreds of lines and few of them match, so a line-by-line look
 * spent most of a search's time (bench:search). Lines are counted in the lowercased text itself,
 * as lowercasing may change a line's length but never its line breaks.
 */
function linesHolding(text: string, needle: string): number[] {
  const lower = text.toLowerCase();
  const found: number[] = [];
  let line = 0;
  let lineStart = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, lineStart)) {
    for (let lf = lower.indexOf('\n', lineStart); lf !== -1 && lf < at; lf = lower.indexOf('\n', lineStart)) {
      line++;
      lineStart = lf + 1;
    }
    found.push(line);
    const lf = lower.indexOf('\n', at);
    if (lf === -1) break;
    line++;
    lineStart = lf + 1;
  }
  return found;
}

/**
 * The hits in one matched row: the row itself for a command, statement or note; for a block of
 * output, each of its lines that matches, at that line's moment. The database matched the block
 * as a whole, so words spread over lines (or a substring across a line break) can match a block
 * with no line that holds them all: its first line with any term stands for it then, so every
 * row the database counted has a hit to show. `count` is every hit; `hits` the first `limit` of
 * them, as shown (a snippet each: a list shows a few of a block's hundreds of lines).
 */
export function rowHits(
  row: HitRow,
  search: ParsedSearch,
  { range = null, limit = Number.POSITIVE_INFINITY }: { range?: HitRange; limit?: number } = {},
): { count: number; hits: SearchHit[] } {
  if (row.line_times === null) return { count: 1, hits: limit > 0 ? [toHit(row, search)] : [] };
  const lines = blockLines(Number(row.t), row.text, row.line_times);
  const inRange = (line: BlockLine) => !range || (line.t >= range.start && (range.end === null || line.t <= range.end));
  const asRow = (line: BlockLine) => toHit({ ...row, text: line.text, t: line.t, line_times: null }, search);
  // Only lines holding the first word can match; lineMatches decides (every term, as marked).
  const first = firstWord(search);
  const candidates = first === undefined ? lines : linesHolding(row.text, first).map((i) => lines[i]!);
  const matching = candidates.filter((line) => inRange(line) && lineMatches(line.text, search));
  if (matching.length > 0) return { count: matching.length, hits: matching.slice(0, limit).map(asRow) };
  const fallback = lines.find((line) => inRange(line) && findMatches(line.text, search).length > 0);
  return fallback ? { count: 1, hits: limit > 0 ? [asRow(fallback)] : [] } : { count: 0, hits: [] };
}

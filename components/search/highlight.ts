/**
 * Highlighting for search hits and for the replay: pure, so the splitting is tested apart
 * from React and xterm.
 */

export type Segment = { text: string; isMatch: boolean };

/** `text` cut at the `[start, end)` ranges (clamped, sorted and merged, so bad offsets never throw or repeat text). */
export function highlightSegments(text: string, ranges: ReadonlyArray<readonly [number, number]>): Segment[] {
  const clamp = (n: number) => Math.min(Math.max(0, Math.trunc(n)), text.length);
  const sorted = ranges
    .map(([start, end]) => [clamp(start), clamp(end)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of sorted) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) segments.push({ text: text.slice(at, from), isMatch: false });
    const last = segments[segments.length - 1];
    // Touching or overlapping ranges read as one highlight.
    if (last?.isMatch && from === at) last.text += text.slice(from, end);
    else segments.push({ text: text.slice(from, end), isMatch: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), isMatch: false });
  return segments;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What to look for on a screen for a search query: the whole query as typed (a prefix like
 * `pg_dump --sche` is found inside `pg_dump --schema-only`), each "quoted phrase", and each
 * word on its own (words need not be next to each other for the index to match them).
 * Longest first, so a regex alternation marks the whole phrase where it is there.
 */
export function queryTerms(query: string): string[] {
  // A quote left open runs to the end; `deploy*` asks for words starting `deploy` (server/search/parse-search.ts).
  const unstarred = query.replace(/\*+(?=\s|$)/g, '');
  const phrases = [...unstarred.matchAll(/"([^"]+)(?:"|$)/g)].map((match) => match[1]!.trim());
  const rest = unstarred.replace(/"[^"]*"?/g, ' ');
  const whole = unstarred.replace(/"/g, '').trim().replace(/\s+/g, ' ');
  const words = rest.split(/\s+/).filter((word) => word.length >= 2);
  const terms = [whole, ...phrases, ...words].filter((term) => term.length > 0);
  return [...new Set(terms.map((term) => term.toLowerCase()))].sort((a, b) => b.length - a.length);
}

/** A case-insensitive regex source for `queryTerms` (spaces match any run of spaces), or null for an empty query. */
export function queryPatternSource(query: string): string | null {
  const terms = queryTerms(query);
  if (terms.length === 0) return null;
  return terms.map((term) => escapeRegExp(term).replace(/ /g, '\\s+')).join('|');
}

/** Ranges in `text` where the query's terms are, for text the engine did not mark (a SQL editor at a moment). */
export function queryRanges(text: string, query: string): Array<[number, number]> {
  const source = queryPatternSource(query);
  if (!source) return [];
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(new RegExp(source, 'gi'))) {
    if (match[0].length > 0) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

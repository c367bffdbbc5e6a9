import type { ParsedSearch, SearchTerm } from './parse-search';

/** Characters of context shown around a hit. */
export const SNIPPET_CHARS = 200;

/** Where the query's terms occur in `text`, case-insensitive, merged and in order. */
export function findMatches(text: string, search: Pick<ParsedSearch, 'terms'>): Array<[number, number]> {
  const lower = text.toLowerCase();
  const ranges = search.terms.flatMap((term) => termMatches(lower, term));
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** Where one term occurs in `lower` (lowercased text). */
export function termMatches(lower: string, term: SearchTerm): Array<[number, number]> {
  if (term.kind === 'phrase') return [...lower.matchAll(phraseRegex(term.text))].map((m) => [m.index, m.index + m[0].length]);
  const ranges: Array<[number, number]> = [];
  const needle = term.text.toLowerCase();
  if (!needle) return ranges;
  const isWord = term.kind === 'word';
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
    // Words match at a word's start (the tsvector's lexemes) and run on to the word's end (a prefix).
    if (isWord && at > 0 && /[\p{L}\p{N}]/u.test(lower[at - 1]!)) continue;
    let end = at + needle.length;
    if (isWord) while (end < lower.length && /[\p{L}\p{N}\p{M}]/u.test(lower[end]!)) end++;
    ranges.push([at, end]);
  }
  return ranges;
}

/**
 * A phrase's words in order at a word's start, with anything but letters and digits between
 * them, as the word index reads the text: `"usage deploy environment"` is in `Usage: deploy
 * <environment>`, `"cannot access nonexistent"` in `cannot access '/nonexistent'`.
 */
function phraseRegex(phrase: string): RegExp {
  // Built once per query: a block's hits check it on every line (matchAll copies it, so sharing is safe).
  let regex = phraseRegexes.get(phrase);
  if (!regex) {
    if (phraseRegexes.size >= 64) phraseRegexes.clear();
    regex = buildPhraseRegex(phrase);
    phraseRegexes.set(phrase, regex);
  }
  return regex;
}

const phraseRegexes = new Map<string, RegExp>();

function buildPhraseRegex(phrase: string): RegExp {
  const words = phrase
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[^\\p{L}\\p{N}\\p{M}]+')}`, 'gu');
}

/** About SNIPPET_CHARS of `text` around its first match, with the matches in it to highlight. */
export function makeSnippet(text: string, search: ParsedSearch): { snippet: string; highlights: Array<[number, number]> } {
  const flat = text.replace(/\s+/gu, ' ');
  const matches = findMatches(flat, search);
  const first = matches[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(SNIPPET_CHARS / 3));
  const end = Math.min(flat.length, start + SNIPPET_CHARS);
  start = Math.max(0, Math.min(start, end - SNIPPET_CHARS));
  const prefix = start > 0 ? '…' : '';
  const suffix = end < flat.length ? '…' : '';
  const snippet = `${prefix}${flat.slice(start, end)}${suffix}`;
  const shift = prefix.length - start;
  const highlights = matches.filter(([a, b]) => a < end && b > start).map(([a, b]): [number, number] => [Math.max(a, start) + shift, Math.min(b, end) + shift]);
  return { snippet, highlights };
}

import type { ParsedSearch } from './parse-search';

/** Characters of context shown around a hit. */
export const SNIPPET_CHARS = 200;

/** Where the query's terms occur in `text`, case-insensitive, merged and in order. */
export function findMatches(text: string, search: ParsedSearch): Array<[number, number]> {
  const lower = text.toLowerCase();
  const ranges: Array<[number, number]> = [];
  if (search.mode === 'phrase') {
    for (const m of lower.matchAll(phraseRegex(search.phrase))) ranges.push([m.index, m.index + m[0].length]);
    return ranges;
  }
  for (const term of search.terms) {
    const needle = term.toLowerCase();
    if (!needle) continue;
    const isWordSearch = search.mode !== 'substring';
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
      // Words match at a word's start (the tsvector's lexemes); the last one may run on (a prefix).
      if (isWordSearch && at > 0 && /[\p{L}\p{N}]/u.test(lower[at - 1]!)) continue;
      let end = at + needle.length;
      if (search.mode === 'words') while (end < lower.length && /[\p{L}\p{N}\p{M}]/u.test(lower[end]!)) end++;
      ranges.push([at, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
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

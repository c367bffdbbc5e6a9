import { AppError } from '../errors/app-error';

/**
 * How a query matches, decided from its text:
 * - words (letters, digits and `_`, any script): full-text over the `simple` tsvector, every
 *   word required, the last one also as a prefix (`pg_du` finds `pg_dump` as typed so far);
 * - `"a phrase"`: the words in that order;
 * - anything else (`ERROR:`, `pg_dump --sche`, `/etc/pass`, `.*[`): a case-insensitive
 *   substring, served by the pg_trgm index. Regex-like input is matched literally.
 */
export type ParsedSearch =
  | { mode: 'words'; tsquery: string; terms: string[]; prefix: string }
  | { mode: 'phrase'; phrase: string; terms: string[] }
  | { mode: 'substring'; pattern: string; terms: string[] };

/** Shorter substrings have no trigram to look up: every row would be read. */
export const MIN_SUBSTRING = 3;

/** Letters, digits and `_` (PostgreSQL's parser splits `pg_dump` into a phrase of its parts), each word with a letter or digit. */
const WORD = String.raw`[\p{L}\p{N}\p{M}_]*[\p{L}\p{N}][\p{L}\p{N}\p{M}_]*`;
const WORDS = new RegExp(`^${WORD}(?: ${WORD})*$`, 'u');
const PHRASE = /^"([^"]+)"$/u;

export function parseSearch(raw: string): ParsedSearch {
  const q = raw.trim().replace(/\s+/gu, ' ');
  const phrase = PHRASE.exec(q)?.[1]?.trim();
  if (phrase && WORDS.test(phrase)) return { mode: 'phrase', phrase, terms: [phrase] };
  if (WORDS.test(q)) {
    const words = q.toLowerCase().split(' ');
    const last = words[words.length - 1]!;
    // Quoted lexemes: the words hold letters, digits and `_` only, so nothing here is tsquery syntax.
    const tsquery = [...words.slice(0, -1).map((w) => `'${w}'`), `'${last}':*`].join(' & ');
    return { mode: 'words', tsquery, terms: words, prefix: last };
  }
  const needle = phrase ?? q;
  if ([...needle].length < MIN_SUBSTRING) {
    throw new AppError('VALIDATION', {
      userMessage: `Type at least ${MIN_SUBSTRING} characters to search for text with punctuation.`,
      fields: { q: [`At least ${MIN_SUBSTRING} characters with punctuation`] },
    });
  }
  return { mode: 'substring', pattern: `%${escapeLike(needle)}%`, terms: [needle] };
}

/** `%`, `_` and `\` match themselves in ILIKE once escaped (backslash is ILIKE's default escape). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/gu, (c) => `\\${c}`);
}

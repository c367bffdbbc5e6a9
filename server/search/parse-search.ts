import { AppError } from '../errors/app-error';

/**
 * How a query matches, decided from its text:
 * - words (letters, digits and `_`, any script): every word required, the last one also as a
 *   prefix (`pg_du` finds `pg_dump` as typed so far). Words of letters go to the word index
 *   (`tsquery`; `pg_dump` as its parts, their order checked in the text); the index leaves out
 *   words with a digit (ids, numbers, `512ms`: see db/search-schema.ts), so those are matched in
 *   the text at a word's start (`textPatterns`, POSIX regexes the trigram index serves);
 * - `"a phrase"`: the words in that order, anything but letters and digits between them: the
 *   words of letters narrow through the word index, the whole phrase as a text pattern decides
 *   (the index keeps no word positions);
 * - anything else (`ERROR:`, `pg_dump --sche`, `/etc/pass`, `.*[`): a case-insensitive
 *   substring, served by the pg_trgm index. Regex-like input is matched literally.
 */
export type ParsedSearch =
  | { mode: 'words'; tsquery: string | null; textPatterns: string[]; terms: string[]; prefix: string }
  | { mode: 'phrase'; phrase: string; textPattern: string; letterWords: string | null; terms: string[] }
  | { mode: 'substring'; /** A regex matching the text literally. */ pattern: string; terms: string[] };

/** Shorter substrings have no trigram to look up: every row would be read. */
export const MIN_SUBSTRING = 3;

/** Letters, digits and `_` (PostgreSQL's parser splits `pg_dump` into a phrase of its parts), each word with a letter or digit. */
const WORD = String.raw`[\p{L}\p{N}\p{M}_]*[\p{L}\p{N}][\p{L}\p{N}\p{M}_]*`;
const WORDS = new RegExp(`^${WORD}(?: ${WORD})*$`, 'u');
const PHRASE = /^"([^"]+)"$/u;

const hasDigit = (word: string) => /\p{N}/u.test(word);
/** Between two words of the text: what the parser splits words at (`_` included), within a line (a block's lines are joined by `\n`). */
const GAP = String.raw`[^[:alnum:]\n]+`;
/** A word's parts as the parser splits it (`pg_dump`: `pg`, `dump`), joined by any gap, at a word's start. */
const wordStart = (word: string) => `(^|[^[:alnum:]])${word.split('_').filter(Boolean).join(GAP)}`;
const wordEnd = '([^[:alnum:]]|$)';

export function parseSearch(raw: string): ParsedSearch {
  // PostgreSQL text never holds NUL (a parameter with one fails the query): it separates words here.
  const q = raw.replace(/[\s\0]+/gu, ' ').trim();
  const phrase = PHRASE.exec(q)?.[1]?.trim();
  if (phrase && WORDS.test(phrase)) {
    const words = phrase.toLowerCase().split(' ');
    const textPattern = `${wordStart(words.join('_'))}${wordEnd}`;
    if (words.every(hasDigit) && words.every((w) => w.length < MIN_SUBSTRING)) throw tooShortNumber();
    const letterWords = words.filter((w) => !hasDigit(w)).join(' ') || null;
    return { mode: 'phrase', phrase, textPattern, letterWords, terms: [phrase] };
  }
  if (WORDS.test(q)) {
    const words = q.toLowerCase().split(' ');
    const last = words[words.length - 1]!;
    // Quoted lexemes: the words hold letters, digits and `_` only, so nothing here is tsquery syntax.
    const isLast = (i: number) => i === words.length - 1;
    // A word of parts (`pg_dump`) is its parts in the word index (`'pg_dump'` would be a phrase,
    // which the index cannot check without positions) and their order in the text.
    const lexemes = words.flatMap((w, i) => {
      if (hasDigit(w)) return [];
      const parts = w.split('_').filter(Boolean);
      return parts.map((part, j) => (isLast(i) && j === parts.length - 1 ? `'${part}':*` : `'${part}'`));
    });
    const textPatterns = words.flatMap((w, i) => (hasDigit(w) || w.includes('_') ? [`${wordStart(w)}${isLast(i) ? '' : wordEnd}`] : []));
    // Without a word of letters, only a number of 3 characters or more has trigrams to look up.
    if (lexemes.length === 0 && words.every((w) => w.length < MIN_SUBSTRING)) throw tooShortNumber();
    return { mode: 'words', tsquery: lexemes.length > 0 ? lexemes.join(' & ') : null, textPatterns, terms: words, prefix: last };
  }
  const needle = phrase ?? q;
  if ([...needle].length < MIN_SUBSTRING) {
    throw new AppError('VALIDATION', {
      userMessage: `Type at least ${MIN_SUBSTRING} characters to search for symbols, emoji or punctuation.`,
      fields: { q: [`At least ${MIN_SUBSTRING} characters of symbols or punctuation`] },
    });
  }
  return { mode: 'substring', pattern: escapeRegex(needle), terms: [needle] };
}

function tooShortNumber(): AppError {
  return new AppError('VALIDATION', {
    userMessage: `Type at least ${MIN_SUBSTRING} characters to search for a number, or add a word.`,
    fields: { q: [`At least ${MIN_SUBSTRING} characters for a number`] },
  });
}

/**
 * `text` as a POSIX regex (PostgreSQL's `~*`) that matches it literally: in PostgreSQL's
 * regexes a backslash before a character other than a letter or digit stands for that
 * character. A regex rather than ILIKE: ILIKE lowercases each whole block it checks
 * first, which made a substring found in most blocks slower (docs/benchmarks.md, bench:search).
 */
export function escapeRegex(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, (c) => `\\${c}`);
}

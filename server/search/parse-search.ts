import { AppError } from '../errors/app-error';

/**
 * How a query matches, decided from its text. A query is one or more terms, and a hit holds
 * every one of them (on one line of output):
 * - words (letters, digits and `_`, any script): each at a word's start, the last one typed (or
 *   any ending in `*`: `deploy*`) also as a prefix (`pg_du` finds `pg_dump` as typed so far).
 *   Words of letters go to the word index (`tsquery`; `pg_dump` as its parts, their order
 *   checked in the text); the index leaves out words with a digit (ids, numbers, `512ms`: see
 *   db/search-schema.ts), so those are matched in the text at a word's start (`textPatterns`,
 *   POSIX regexes the trigram index serves);
 * - `"a phrase"` (a quote left open runs to the end): the words in that order, anything but
 *   letters and digits between them: its words of letters narrow through the word index, the
 *   whole phrase as a text pattern decides (the index keeps no word positions);
 * - anything else (`ERROR:`, `pg_dump --sche`, `/etc/pass`, `.*[`, or punctuation in quotes): a
 *   case-insensitive substring, served by the pg_trgm index. Regex-like input is matched literally.
 * Quoted and unquoted parts combine: `"connection refused" replica`, `ERROR: "deadlock detected"`.
 */
export type SearchTerm = { kind: 'word' | 'phrase' | 'substring'; text: string };

export type ParsedSearch = {
  terms: SearchTerm[];
  /** The words of letters, for the word index (`'pg' & 'dump':*`); null when no term has one. */
  tsquery: string | null;
  /** Regexes (PostgreSQL's `~*`) the text must match as well. */
  textPatterns: string[];
};

/** Shorter substrings have no trigram to look up: every row would be read. */
export const MIN_SUBSTRING = 3;

/** Letters, digits and `_` (PostgreSQL's parser splits `pg_dump` into a phrase of its parts), each word with a letter or digit. */
const WORD = String.raw`[\p{L}\p{N}\p{M}_]*[\p{L}\p{N}][\p{L}\p{N}\p{M}_]*`;
const WORDS = new RegExp(`^${WORD}(?: ${WORD})*$`, 'u');
/** A quoted part, `"…"`, or one left open at the end of the query; or a run of text between quotes. */
const PART = /"([^"]*)(?:"|$)|[^"]+/gu;
/** `deploy*`: a word asked for as a prefix. */
const STARRED = /\*+(?= |$)/gu;

const hasDigit = (word: string) => /\p{N}/u.test(word);
/** Between two words of the text: what the parser splits words at (`_` included), within a line (a block's lines are joined by `\n`). */
const GAP = String.raw`[^[:alnum:]\n]+`;
/** A word's parts as the parser splits it (`pg_dump`: `pg`, `dump`), joined by any gap, at a word's start. */
const wordStart = (word: string) => `(^|[^[:alnum:]])${word.split('_').filter(Boolean).join(GAP)}`;
const wordEnd = '([^[:alnum:]]|$)';
/** Quoted lexemes: the words hold letters, digits and `_` only, so nothing here is tsquery syntax. */
const lexemes = (word: string, isPrefix: boolean) =>
  hasDigit(word)
    ? []
    : word
        .split('_')
        .filter(Boolean)
        .map((part, j, parts) => (isPrefix && j === parts.length - 1 ? `'${part}':*` : `'${part}'`));

/** A query as its parts are read: every word (for the too-short check) and every lexeme for the word index. */
type Building = Omit<ParsedSearch, 'tsquery'> & { words: string[]; lexemes: string[] };

export function parseSearch(raw: string): ParsedSearch {
  // PostgreSQL text never holds NUL (a parameter with one fails the query): it separates words here.
  const q = raw.replace(/[\s\0]+/gu, ' ').trim();
  const search: Building = { terms: [], textPatterns: [], words: [], lexemes: [] };
  const parts = [...q.matchAll(PART)];
  parts.forEach((part, i) => {
    const isQuoted = part[1] !== undefined;
    const text = (part[1] ?? part[0]).trim();
    if (!text) return;
    if (isQuoted) addQuoted(search, text);
    else addUnquoted(search, text, i === parts.length - 1);
  });
  if (search.terms.length === 0) {
    throw new AppError('VALIDATION', { userMessage: 'Type something to search for', fields: { q: ['Type something to search for'] } });
  }
  const hasSubstring = search.terms.some((term) => term.kind === 'substring');
  // Without a word of letters or a substring, only a number of 3 characters or more has trigrams to look up.
  if (search.lexemes.length === 0 && !hasSubstring && search.words.every((w) => w.length < MIN_SUBSTRING)) throw tooShortNumber();
  return { terms: search.terms, tsquery: search.lexemes.length > 0 ? search.lexemes.join(' & ') : null, textPatterns: search.textPatterns };
}

function addQuoted(search: Building, text: string): void {
  if (!WORDS.test(text)) return addSubstring(search, text);
  const words = text.toLowerCase().split(' ');
  search.terms.push({ kind: 'phrase', text });
  search.words.push(...words);
  search.lexemes.push(...words.flatMap((word) => lexemes(word, false)));
  search.textPatterns.push(`${wordStart(words.join('_'))}${wordEnd}`);
}

/** Words (the last one of the query as a prefix, as typed so far), or else one substring. */
function addUnquoted(search: Building, text: string, isEnd: boolean): void {
  const bare = text.replace(STARRED, '');
  if (!WORDS.test(bare)) return addSubstring(search, text);
  const starred = new Set(text.split(' ').flatMap((token, i) => (token.endsWith('*') ? [i] : [])));
  const words = bare.toLowerCase().split(' ');
  words.forEach((word, i) => {
    const isPrefix = starred.has(i) || (isEnd && i === words.length - 1);
    search.terms.push({ kind: 'word', text: word });
    search.words.push(word);
    search.lexemes.push(...lexemes(word, isPrefix));
    // A word of parts (`pg_dump`) is its parts in the word index (`'pg_dump'` would be a phrase,
    // which the index cannot check without positions) and their order in the text.
    if (hasDigit(word) || word.includes('_')) search.textPatterns.push(`${wordStart(word)}${isPrefix ? '' : wordEnd}`);
  });
}

function addSubstring(search: Building, text: string): void {
  if ([...text].length < MIN_SUBSTRING) {
    throw new AppError('VALIDATION', {
      userMessage: `Type at least ${MIN_SUBSTRING} characters to search for symbols, emoji or punctuation.`,
      fields: { q: [`At least ${MIN_SUBSTRING} characters of symbols or punctuation`] },
    });
  }
  search.terms.push({ kind: 'substring', text });
  search.textPatterns.push(escapeRegex(text));
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

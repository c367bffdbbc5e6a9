import { sql, type SQL } from 'drizzle-orm';
import { SEARCH_WORDS_CONFIG } from '@/db/search-schema';

/**
 * Characters read as spaces before words are taken: paths, hosts, URLs and `k=v` become their
 * words (the parser would keep `/nonexistent` or `db.internal` whole), and angle brackets too
 * (it would drop `<environment>` as an HTML tag). As migration 0023's `translate` did.
 */
const SPLIT_AT = /[/.:@=\\<>]/gu;
/** ASCII whitespace only: every other character is the parser's to read (a word's or not). */
const BLANKS = /[ \t\n\r\f\v]+/u;

/**
 * The text's distinct runs of non-blank characters, once each: the parser never reads a word
 * across a blank (its only token that could, an HTML tag, cannot begin once `<` is a space), and
 * the index keeps which words a row holds, not where or how often, so these make the same
 * vector as the whole text. A block of output is about a third of that (repeated words, lines
 * that differ in a number), and so is the parser's work (docs/benchmarks.md, 2026-12-07).
 */
export function distinctWords(text: string): string {
  return [...new Set(text.replace(SPLIT_AT, ' ').split(BLANKS))].join(' ');
}

/** A row's `tsv`: its words for the word index, without positions (db/search-schema.ts). */
export function searchVector(text: string): SQL {
  return sql`strip(to_tsvector(${sql.raw(`'${SEARCH_WORDS_CONFIG}'`)}, ${distinctWords(text)}))`;
}

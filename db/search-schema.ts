import { sql } from 'drizzle-orm';
import { boolean, customType, doublePrecision, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SearchKind } from '../lib/search/search-types';
import { annotations, recordings } from './recording-schema';

/**
 * Cross-recording search (issue #14 §2). Every row is masked text: a command as the command
 * index read it, a block of output lines as the indexer's screen showed them (screen masks painted
 * over), a SQL statement or its error, a note's body and tags. Written by the index job once a
 * recording is sealed (server/search/write-search-entries.ts); gone with the recording.
 */

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The text search configuration words are indexed with (created by migration 0020): `simple`
 * (commands and output are not English prose: no stemming, no stop words) without the token
 * types that hold a digit (numbers, `abc123`, versions, `x-42` parts). Logs are full of
 * timestamps, ids, sizes and durations, nearly all different: they were most of the word index
 * (1.2× the raw text, against 0.03–0.14× without them) and about three quarters of the stored
 * tsvector (bench:search, docs/benchmarks.md). A query
 * word with a digit is matched in the text instead, by the trigram index
 * (server/search/search-sql.ts).
 */
export const SEARCH_WORDS_CONFIG = 'porthole_words';

/**
 * Both GIN indexes take each row's entries straight into their trees (no pending list). With
 * a pending list, its pages are freed after each merge but only a VACUUM lets the index use them
 * again, and PGlite runs no autovacuum: the word index grew to 8× the size of one built at once
 * and the trigram index 1.4× (10 MB of recordings, bench:search; docs/benchmarks.md). Rows are
 * blocks of output, a few per MB, so inserting straight costs little.
 */
const GIN_OPTIONS = { fastupdate: false };

export const SEARCH_STATES = ['ready', 'failed'] as const;
/**
 * The layout search entries are written in: recordings indexed with an older one are indexed
 * again by the start-up backfill. 2: output in blocks of lines instead of a row per line.
 * 3: blocks of 64 KB instead of 16 KB (migration 0024).
 */
export const SEARCH_INDEX_VERSION = 3;
export type SearchState = (typeof SEARCH_STATES)[number];

export const searchEntries = pgTable(
  'search_entries',
  {
    recordingId: uuid('recording_id')
      .notNull()
      .references(() => recordings.id, { onDelete: 'cascade' }),
    /** Order within the recording (commands, output, SQL, notes each numbered apart). */
    seq: integer('seq').notNull(),
    kind: text('kind').$type<SearchKind>().notNull(),
    /** Seconds from the recording's start: where a hit opens the replay. */
    t: doublePrecision('t').notNull(),
    /** One line (a command, a statement, a note), or for output a block of lines joined by `\n`. */
    text: text('text').notNull(),
    /**
     * Output blocks only (null for one line): each line's time as microseconds after the line
     * before it (the first after `t`), comma-separated; a hit's moment comes from here.
     */
    lineTimes: text('line_times'),
    /** Output blocks only: when the block's last line was printed (a shared range's bound). */
    endT: doublePrecision('end_t'),
    failed: boolean('failed').notNull().default(false),
    annotationId: uuid('annotation_id').references(() => annotations.id, { onDelete: 'cascade' }),
    // The words of the text, without their positions (`strip`): the index finds rows by word,
    // ranking reads it, and a phrase is checked in the text itself (server/search/search-sql.ts).
    // Positions were 5/6 of it: 0.15× the raw text of 0.18× (bench:search). Written with the row
    // from the text's distinct words (server/recording/search-words.ts), which make the same
    // vector from about a third of the text: computing it from the whole text was about a
    // third of PGlite's time writing a recording's rows (a scratch measure, docs/benchmarks.md,
    // 2026-12-07: indicative). Paths, hosts, URLs and `k=v` are split into words first (the parser
    // would keep `/nonexistent` or `db.internal` whole, and `nonexistent` or `internal` would not
    // find them), and so are angle brackets (the parser drops `<environment>` in a usage line as
    // an HTML tag; migration 0023).
    tsv: tsvector('tsv').notNull(),
  },
  (t) => [
    index('search_entries_recording_idx').on(t.recordingId, t.t),
    index('search_entries_tsv_idx').using('gin', t.tsv).with(GIN_OPTIONS),
    // Substrings (`ERROR:`, `--sche`, `/etc/pass`): pg_trgm, created by the migration.
    index('search_entries_text_trgm_idx')
      .using('gin', sql`${t.text} gin_trgm_ops`)
      .with(GIN_OPTIONS),
    index('search_entries_annotation_idx').on(t.annotationId),
  ],
);

/** A row once a recording's entries are written (or could not be): what is left to index is what has none. */
export const recordingSearchStates = pgTable('recording_search_states', {
  recordingId: uuid('recording_id')
    .primaryKey()
    .references(() => recordings.id, { onDelete: 'cascade' }),
  state: text('state').$type<SearchState>().notNull(),
  entryCount: integer('entry_count').notNull().default(0),
  /** SEARCH_INDEX_VERSION when it was indexed (1: before the version was kept). */
  version: integer('version').notNull().default(1),
  indexedAt: timestamp('indexed_at', { withTimezone: true }).notNull().defaultNow(),
});

export type SearchEntry = typeof searchEntries.$inferSelect;

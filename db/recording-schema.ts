import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { MaskMark } from '../lib/recording/mask-marks';
import type { ScreenMask } from '../lib/recording/screen-mask';
import { sessions, users } from './schema';

/**
 * Session recordings. The events themselves live in a RecordingStore (server/recording/stores):
 * files under the data directory by default, or the `recording_*` byte tables below when
 * the PostgreSQL store is selected. These rows hold what lists and the replay page need
 * without reading the events: state, sizes, the head of the hash chain, the command index.
 */

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
  toDriver: (value) => value,
});

export const RECORDING_STATUSES = ['recording', 'complete', 'interrupted', 'failed'] as const;
export type RecordingStatus = (typeof RECORDING_STATUSES)[number];

export const RECORDING_STORES = ['file', 'postgres', 's3'] as const;
export type RecordingStoreKind = (typeof RECORDING_STORES)[number];

export const INDEX_STATES = ['pending', 'ready', 'failed'] as const;
export type IndexState = (typeof INDEX_STATES)[number];

/** One per session: the recording's id is its session's id. */
export const recordings = pgTable(
  'recordings',
  {
    id: uuid('id')
      .primaryKey()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    store: text('store').$type<RecordingStoreKind>().notNull(),
    formatVersion: integer('format_version').notNull(),
    status: text('status').$type<RecordingStatus>().notNull().default('recording'),
    /** Terminal size when the session opened. */
    cols: integer('cols').notNull(),
    rows: integer('rows').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Seconds from the first to the last event. */
    duration: doublePrecision('duration').notNull().default(0),
    outputBytes: bigint('output_bytes', { mode: 'number' }).notNull().default(0),
    inputBytes: bigint('input_bytes', { mode: 'number' }).notNull().default(0),
    /** Bytes the store holds for it (compressed chunks and keyframes). */
    storedBytes: bigint('stored_bytes', { mode: 'number' }).notNull().default(0),
    eventCount: integer('event_count').notNull().default(0),
    chunkCount: integer('chunk_count').notNull().default(0),
    /** SHA-256 (hex) of the last sealed chunk: the head of the hash chain, kept apart from the store. */
    headHash: text('head_hash'),
    commandCount: integer('command_count').notNull().default(0),
    indexState: text('index_state').$type<IndexState>().notNull().default('pending'),
    /** Output bytes per slice of the timeline (HEATMAP_BUCKETS slices), for the activity heatmap. */
    heatmap: jsonb('heatmap').$type<number[]>(),
    /** Masks the recording holds, and where (lib/recording/mask-marks.ts): never the secrets. */
    maskCount: integer('mask_count').notNull().default(0),
    maskMarks: jsonb('mask_marks').$type<MaskMark[]>(),
    /** Why the recording failed or was interrupted. */
    message: text('message'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recordings_user_idx').on(t.userId, t.startedAt), index('recordings_started_idx').on(t.startedAt), index('recordings_status_idx').on(t.status)],
);

/** Sealed chunks, for the PostgreSQL store (the file store keeps them as files). */
export const recordingChunks = pgTable(
  'recording_chunks',
  {
    recordingId: uuid('recording_id')
      .notNull()
      .references(() => recordings.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    tStart: doublePrecision('t_start').notNull(),
    tEnd: doublePrecision('t_end').notNull(),
    eventCount: integer('event_count').notNull(),
    rawBytes: integer('raw_bytes').notNull(),
    hash: text('hash').notNull(),
    prevHash: text('prev_hash').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.recordingId, t.seq] })],
);

/**
 * Sealed chunks the s3 store keeps in the bucket: their headers, so listing a recording's
 * chunks reads this table and never LISTs the bucket.
 */
export const recordingObjectChunks = pgTable(
  'recording_object_chunks',
  {
    recordingId: uuid('recording_id')
      .notNull()
      .references(() => recordings.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    tStart: doublePrecision('t_start').notNull(),
    tEnd: doublePrecision('t_end').notNull(),
    eventCount: integer('event_count').notNull(),
    rawBytes: integer('raw_bytes').notNull(),
    hash: text('hash').notNull(),
    prevHash: text('prev_hash').notNull(),
    storedBytes: integer('stored_bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.recordingId, t.seq] })],
);

/** Frames not sealed yet (the journal, server/recording/stores/postgres-frame-journal.ts): batches of frames, removed once their chunk is sealed. */
export const recordingFrames = pgTable(
  'recording_frames',
  {
    recordingId: uuid('recording_id')
      .notNull()
      .references(() => recordings.id, { onDelete: 'cascade' }),
    chunkSeq: integer('chunk_seq').notNull(),
    batch: integer('batch').notNull(),
    data: bytea('data').notNull(),
    /** The batch's frames compressed like a chunk's body (brotli); false: the frames as they are. */
    compressed: boolean('compressed').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.recordingId, t.chunkSeq, t.batch] })],
);

/** Serialized terminal states for seeking, for the PostgreSQL store. */
export const recordingKeyframes = pgTable(
  'recording_keyframes',
  {
    recordingId: uuid('recording_id')
      .notNull()
      .references(() => recordings.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    t: doublePrecision('t').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.recordingId, t.seq] })],
);

/** The command index: what the user ran, read from the terminal at each Enter. */
export const recordingCommands = pgTable(
  'recording_commands',
  {
    recordingId: uuid('recording_id')
      .notNull()
      .references(() => recordings.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    t: doublePrecision('t').notNull(),
    text: text('text').notNull(),
    /** From OSC 133;D when the shell emits shell-integration marks. */
    exitCode: integer('exit_code'),
    /** Seconds from Enter to the next prompt; null when the session ended first. */
    duration: doublePrecision('duration'),
    /** The output line saying the command failed, where the shell gave no exit code. */
    failureReason: text('failure_reason'),
    /** SQL statements: rows returned or affected (insights' largest result sets). */
    rowCount: integer('row_count'),
    /** SQL statements: the server's error code (SQLSTATE, or a MySQL code), to group failures by cause. */
    errorCode: text('error_code'),
  },
  (t) => [primaryKey({ columns: [t.recordingId, t.seq] })],
);

/**
 * Masks for secrets that formed only on the rendered screen, found by the indexer: where to
 * paint over them (lib/recording/screen-mask.ts), never the text. Replay and exports apply them.
 */
export const recordingScreenMasks = pgTable('recording_screen_masks', {
  recordingId: uuid('recording_id')
    .primaryKey()
    .references(() => recordings.id, { onDelete: 'cascade' }),
  /** SCREEN_MASKS_VERSION of `masks`. */
  version: integer('version').notNull(),
  masks: jsonb('masks').$type<ScreenMask[]>().notNull(),
});

/** Notes on a recording, at a moment (`t`) or over a range (`t`..`endT`). */
export const annotations = pgTable(
  'annotations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordingId: uuid('recording_id')
      .notNull()
      .references(() => recordings.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    t: doublePrecision('t').notNull(),
    endT: doublePrecision('end_t'),
    /** Markdown, rendered without raw HTML. */
    body: text('body').notNull(),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`ARRAY[]::text[]`),
    /** Private to the author unless shared with the recording's other viewers. */
    isShared: boolean('is_shared').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('annotations_recording_idx').on(t.recordingId, t.t), index('annotations_author_idx').on(t.authorId, t.createdAt)],
);

export type Recording = typeof recordings.$inferSelect;
export type RecordingCommand = typeof recordingCommands.$inferSelect;
export type Annotation = typeof annotations.$inferSelect;

export const HOLD_SCOPES = ['recording', 'user', 'resource'] as const;
export type HoldScope = (typeof HOLD_SCOPES)[number];

/**
 * Legal holds: while a hold covers a recording (on it, its owner or its resource), nothing
 * purges or deletes it. Lifting keeps the row (who, when, why) for the audit trail.
 */
export const legalHolds = pgTable(
  'legal_holds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scope: text('scope').$type<HoldScope>().notNull(),
    /** The recording's, user's or resource's id; no foreign key, so a hold outlives what it names. */
    targetId: uuid('target_id').notNull(),
    reason: text('reason').notNull(),
    placedBy: uuid('placed_by').references(() => users.id, { onDelete: 'set null' }),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull().defaultNow(),
    liftedBy: uuid('lifted_by').references(() => users.id, { onDelete: 'set null' }),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftReason: text('lift_reason'),
  },
  (t) => [index('legal_holds_target_idx').on(t.scope, t.targetId)],
);

export const TOMBSTONE_CAUSES = ['retention', 'deleted'] as const;
export type TombstoneCause = (typeof TOMBSTONE_CAUSES)[number];

/**
 * What is left of a purged or deleted recording: enough to say it existed, whose it was, how
 * big, and the head of its hash chain. Written before anything is removed, so a purge that
 * dies half-way is finished by the next run.
 */
export const recordingTombstones = pgTable(
  'recording_tombstones',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id'),
    resourceId: uuid('resource_id'),
    resourceName: text('resource_name').notNull(),
    store: text('store').$type<RecordingStoreKind>().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    storedBytes: bigint('stored_bytes', { mode: 'number' }).notNull(),
    headHash: text('head_hash'),
    cause: text('cause').$type<TombstoneCause>().notNull(),
    /** Set when the recording is gone; null while a purge is under way. */
    purgedAt: timestamp('purged_at', { withTimezone: true }),
  },
  (t) => [index('recording_tombstones_purged_idx').on(t.purgedAt)],
);

export type LegalHold = typeof legalHolds.$inferSelect;
export type RecordingTombstone = typeof recordingTombstones.$inferSelect;

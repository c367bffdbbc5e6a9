import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { resources, sessions, users } from './schema';

/**
 * The SQL console: per-resource settings (risk policy, limits, column masks) and the reviews
 * of held statements. Statements themselves are recorded as events of the session's recording.
 */

export type SqlPolicyValue = Record<'ddl' | 'truncate' | 'unbounded_write' | 'privileges' | 'opaque' | 'other', 'allow' | 'review' | 'block'>;

export type ColumnMaskRule = {
  /** Case-insensitive glob on the column name: `*email*`, `card_number`, `*token`. */
  pattern: string;
  strategy: 'full' | 'keep-last-4' | 'email';
};

export const READ_ONLY_MODES = ['auto', 'on', 'off'] as const;
export type ReadOnlyMode = (typeof READ_ONLY_MODES)[number];

/** One row per database resource that has settings other than the defaults. */
export const sqlSettings = pgTable('sql_settings', {
  resourceId: uuid('resource_id')
    .primaryKey()
    .references(() => resources.id, { onDelete: 'cascade' }),
  policy: jsonb('policy').$type<SqlPolicyValue>().notNull(),
  /** `auto`: read-only when the resource is tagged env=prod. */
  readOnly: text('read_only').$type<ReadOnlyMode>().notNull().default('auto'),
  statementTimeoutMs: integer('statement_timeout_ms').notNull().default(60_000),
  rowCap: integer('row_cap').notNull().default(10_000),
  /** Masked rows of each result kept in the recording. */
  recordedRows: integer('recorded_rows').notNull().default(100),
  columnMasks: jsonb('column_masks')
    .$type<ColumnMaskRule[]>()
    .notNull()
    .default(sql`'[]'::jsonb`),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
});

export const SQL_REVIEW_STATUSES = ['pending', 'approved', 'denied', 'cancelled'] as const;
export type SqlReviewStatus = (typeof SQL_REVIEW_STATUSES)[number];

export type ReviewedStatement = { text: string; classes: string[]; action: 'allow' | 'review' | 'block'; reasons: string[] };

/** A submission held by the policy until an approver decides; it runs in the requester's console. */
export const sqlReviews = pgTable(
  'sql_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => users.id),
    resourceId: uuid('resource_id').references(() => resources.id, { onDelete: 'set null' }),
    resourceName: text('resource_name').notNull(),
    /** The exact text submitted. */
    script: text('script').notNull(),
    statements: jsonb('statements').$type<ReviewedStatement[]>().notNull(),
    reason: text('reason').notNull(),
    status: text('status').$type<SqlReviewStatus>().notNull().default('pending'),
    deciderId: uuid('decider_id').references(() => users.id, { onDelete: 'set null' }),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('sql_reviews_status_idx').on(t.status, t.createdAt), index('sql_reviews_session_idx').on(t.sessionId)],
);

export type SqlSettings = typeof sqlSettings.$inferSelect;
export type SqlReview = typeof sqlReviews.$inferSelect;

import { doublePrecision, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { recordings } from './recording-schema';
import { users } from './schema';

/**
 * A recording (or a time range of it) shared by its owner, an auditor or an admin with one
 * reviewer until `expiresAt`. Revoking keeps the row (who, when) for the owner's list; the
 * recording going away takes its shares with it.
 */
export const recordingShares = pgTable(
  'recording_shares',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordingId: uuid('recording_id')
      .notNull()
      .references(() => recordings.id, { onDelete: 'cascade' }),
    /** Who shared it: the owner, an auditor or an admin. */
    sharedBy: uuid('shared_by').references(() => users.id, { onDelete: 'set null' }),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Seconds into the recording; both null = the whole recording. */
    rangeStart: doublePrecision('range_start'),
    rangeEnd: doublePrecision('range_end'),
    message: text('message').notNull().default(''),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('recording_shares_recording_idx').on(t.recordingId, t.createdAt), index('recording_shares_reviewer_idx').on(t.reviewerId, t.expiresAt)],
);

/** Each time a reviewer opened a shared recording: what the owner sees as "watched". */
export const recordingShareViews = pgTable(
  'recording_share_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shareId: uuid('share_id')
      .notNull()
      .references(() => recordingShares.id, { onDelete: 'cascade' }),
    viewedAt: timestamp('viewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recording_share_views_share_idx').on(t.shareId, t.viewedAt)],
);

export type RecordingShare = typeof recordingShares.$inferSelect;

import { doublePrecision, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { recordings } from './recording-schema';
import { resources, users } from './schema';

export const SNIPPET_KINDS = ['command', 'sql'] as const;
export type SnippetKind = (typeof SNIPPET_KINDS)[number];

/**
 * Commands and SQL statements a user kept, with a title and markdown notes. Private to their
 * owner. The resource and the source recording are where it came from; either may go away
 * (resource deleted, recording purged) and the snippet stays.
 */
export const snippets = pgTable(
  'snippets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** The command or statement itself (masked text: it was saved from a replay or typed by its owner). */
    body: text('body').notNull(),
    kind: text('kind').$type<SnippetKind>().notNull(),
    /** Markdown, rendered without raw HTML. */
    notes: text('notes').notNull().default(''),
    resourceId: uuid('resource_id').references(() => resources.id, { onDelete: 'set null' }),
    recordingId: uuid('recording_id').references(() => recordings.id, { onDelete: 'set null' }),
    /** Seconds into the source recording. */
    t: doublePrecision('t'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('snippets_owner_idx').on(t.ownerId, t.updatedAt)],
);

export type Snippet = typeof snippets.$inferSelect;

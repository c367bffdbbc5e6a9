import { sql } from 'drizzle-orm';
import { boolean, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { resources, users } from './schema';

/**
 * Inline masking settings (the engine is server/masking). Built-in detectors are code; only the
 * admin's overrides of them are stored. Custom rules are regexes validated when saved.
 */

export const MASK_STRATEGIES = ['label', 'keep-last-4'] as const;
export type MaskStrategyValue = (typeof MASK_STRATEGIES)[number];

/** `view_and_recording`: the browser and the recording see masked bytes; `recording_only`: only the recording. */
export const MASKING_MODES = ['view_and_recording', 'recording_only'] as const;
export type MaskingMode = (typeof MASKING_MODES)[number];

/** One row per built-in rule the admin changed. */
export const maskingRuleOverrides = pgTable('masking_rule_overrides', {
  ruleId: text('rule_id').primaryKey(),
  enabled: boolean('enabled').notNull(),
  strategy: text('strategy').$type<MaskStrategyValue>(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const maskingCustomRules = pgTable('masking_custom_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  pattern: text('pattern').notNull(),
  /** Null: `[MASKED:<name>]`. */
  replacement: text('replacement'),
  strategy: text('strategy').$type<MaskStrategyValue>().notNull().default('label'),
  caseInsensitive: boolean('case_insensitive').notNull().default(false),
  isEnabled: boolean('is_enabled').notNull().default(true),
  /** Null: every resource; otherwise only these. */
  resourceIds: uuid('resource_ids').array(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One row per resource whose mode is not the default (`view_and_recording`). */
export const resourceMasking = pgTable('resource_masking', {
  resourceId: uuid('resource_id')
    .primaryKey()
    .references(() => resources.id, { onDelete: 'cascade' }),
  mode: text('mode').$type<MaskingMode>().notNull().default('view_and_recording'),
  updatedAt: timestamp('updated_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`),
});

export type MaskingCustomRuleRow = typeof maskingCustomRules.$inferSelect;

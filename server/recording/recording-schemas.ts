import { z } from 'zod';
import { INDEX_STATES, RECORDING_STATUSES } from '@/db/recording-schema';
import { RECORDING_KINDS } from '@/lib/recording/recording-kind';
import { RESOURCE_TYPES, SESSION_END_REASONS, SESSION_STATUSES } from '@/db/schema';
import { numberField } from '@/lib/number-field';

const flag = z
  .enum(['0', '1', 'true', 'false'])
  .transform((v) => v === '1' || v === 'true')
  .or(z.boolean());

// A real calendar day (not 2020-02-30, which would roll over, nor 2020-13-45).
const day = z.iso
  .date('Use a real date, YYYY-MM-DD')
  .optional()
  .or(z.literal('').transform(() => undefined));

export const recordingListQuery = z.object({
  /** `mine` (the default for engineers) or `all` (the default for auditors and admins). */
  scope: z.enum(['mine', 'all']).optional(),
  resourceId: z
    .uuid()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  status: z
    .enum(RECORDING_STATUSES)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Started on or after this day (UTC). */
  from: day,
  /** Started on or before this day (UTC). */
  to: day,
  /** `false` leaves out sessions opened with an API token (scripts), `true` keeps only them. */
  automated: z
    .enum(['true', 'false', ''])
    .optional()
    .transform((value) => (value === 'true' ? true : value === 'false' ? false : undefined)),
  page: numberField((n) => n.int().min(1)).default(1),
  limit: numberField((n) => n.int().min(1).max(200)).default(100),
});
export type RecordingListQuery = z.input<typeof recordingListQuery>;

/** A SQL recording's figures, from its command index: statements run, rows returned or affected, statements that failed. */
export const sqlSummary = z.object({ statements: z.number(), rows: z.number(), errors: z.number() });
export type SqlSummary = z.infer<typeof sqlSummary>;

/** An HTTP recording's figures, from the same index (one row per exchange): exchanges sent, and those that failed (no response, or 4xx/5xx). */
export const httpSummary = z.object({ exchanges: z.number(), errors: z.number() });
export type HttpSummary = z.infer<typeof httpSummary>;

export const recordingView = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  userName: z.string(),
  userEmail: z.string(),
  resourceId: z.uuid().nullable(),
  resourceName: z.string(),
  resourceType: z.enum(RESOURCE_TYPES),
  /** `sql`: statements and results (see `sql`); `terminal`: bytes on a screen (cols, rows, output). */
  kind: z.enum(RECORDING_KINDS),
  status: z.enum(RECORDING_STATUSES),
  sessionStatus: z.enum(SESSION_STATUSES),
  endReason: z.enum(SESSION_END_REASONS).nullable(),
  endMessage: z.string().nullable(),
  message: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  /** Seconds. */
  duration: z.number(),
  cols: z.number(),
  rows: z.number(),
  outputBytes: z.number(),
  inputBytes: z.number(),
  storedBytes: z.number(),
  eventCount: z.number(),
  chunkCount: z.number(),
  commandCount: z.number(),
  /** Secrets the masker replaced in this recording. */
  maskCount: z.number(),
  indexState: z.enum(INDEX_STATES),
  /** SQL recordings only (null for terminal ones). */
  sql: sqlSummary.nullable(),
  /** HTTP recordings only (null for the others). */
  http: httpSummary.nullable(),
  /** Opened with an API token (a script), not from a browser. */
  isAutomated: z.boolean(),
  /** The pod a Kubernetes session opened; null for the other kinds. */
  target: z.object({ namespace: z.string(), pod: z.string(), container: z.string() }).nullable(),
});
export type RecordingView = z.infer<typeof recordingView>;

export const recordingPageView = z.object({ recordings: z.array(recordingView), total: z.number(), page: z.number(), pageCount: z.number() });
export type RecordingPage = z.infer<typeof recordingPageView>;

export const commandView = z.object({
  t: z.number(),
  text: z.string(),
  /** From the shell's OSC 133;D mark, when it emits one. */
  exitCode: z.number().nullable(),
  /** Seconds from Enter to the next prompt (SQL: until the statement ended); null if unknown. */
  duration: z.number().nullable(),
  /** Likely failed: the output line that says so, where the shell gave no exit code. */
  failureReason: z.string().nullable(),
});
export type CommandView = z.infer<typeof commandView>;

export const recordingDetailView = recordingView.extend({
  /** Output bytes per equal slice of the timeline. */
  heatmap: z.array(z.number()),
  commands: z.array(commandView),
  /** Where masking happened: rule names and counts, never the secrets. */
  maskMarks: z.array(z.object({ t: z.number(), count: z.number(), rules: z.array(z.string()) })),
  /** Set when the viewer is a reviewer: who shared it, until when, and the part shared (seconds; null = from the start / to the end). */
  share: z
    .object({
      id: z.uuid(),
      sharedByName: z.string().nullable(),
      expiresAt: z.string(),
      message: z.string(),
      rangeStart: z.number().nullable(),
      rangeEnd: z.number().nullable(),
    })
    .nullable(),
});
export type RecordingDetail = z.infer<typeof recordingDetailView>;

export const eventsQuery = z
  .object({
    from: numberField((n) => n.min(0)).default(0),
    to: numberField((n) => n.min(0)).optional(),
    /** Start from the nearest keyframe at or before `from` (what a seek needs). */
    keyframe: flag.default(false),
  })
  .transform((q) => ({ ...q, to: q.to ?? q.from + 60 }))
  .refine((q) => q.to > q.from, { message: '`to` must be after `from`', path: ['to'] });

export const eventTuple = z.tuple([z.number(), z.enum(['o', 'i', 'r', 'm', 'x']), z.string()]);
export type EventTuple = z.infer<typeof eventTuple>;

export const eventsView = z.object({
  from: z.number(),
  to: z.number(),
  keyframe: z.object({ t: z.number(), cols: z.number(), rows: z.number(), data: z.string() }).nullable(),
  events: z.array(eventTuple),
  /** The range was cut to bound the response: ask again from here. */
  nextFrom: z.number().nullable(),
});
export type EventsView = z.infer<typeof eventsView>;

export const verifyView = z.object({
  isValid: z.boolean(),
  chunkCount: z.number(),
  verifiedBytes: z.number(),
  headHash: z.string().nullable(),
  hasOpenTail: z.boolean(),
  problem: z.string().nullable(),
  failedChunk: z.number().nullable(),
});
export type VerifyView = z.infer<typeof verifyView>;

export const TERMINAL_EXPORT_FORMATS = ['asciicast', 'text', 'json'] as const;
export const SQL_EXPORT_FORMATS = ['sql', 'json', 'csv'] as const;
export const HTTP_EXPORT_FORMATS = ['json'] as const;

export const exportQuery = z.object({
  /** Terminal recordings: asciicast, text or json (the default asciicast). SQL recordings: sql, json or csv (the default sql). HTTP recordings: json. */
  format: z.enum(['asciicast', 'text', 'json', 'sql', 'csv']).optional(),
  /** For text: the final screen with its scrollback, or everything that was printed. */
  mode: z.enum(['screen', 'transcript']).default('transcript'),
  /** For csv: one statement's result (its number in the session, from 1); all results when left out. */
  statement: numberField((n) => n.int().min(1)).optional(),
});

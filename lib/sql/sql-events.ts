import { z } from 'zod';

/**
 * SQL console events inside a session recording. They travel as marker events (`m`, the
 * recording format's "marker/command" kind) whose text is this JSON, so SQL sessions share the
 * terminal's format, chunking, hash chain and stores. Version 1; the replay decodes with
 * `decodeSqlEvent` and ignores markers that are not SQL events.
 */
export const SQL_EVENT_VERSION = 1;

const column = z.object({ name: z.string(), type: z.string(), isComputed: z.boolean().optional(), hasMaskedInput: z.boolean().optional() });

export const sqlEvent = z.discriminatedUnion('sql', [
  /** The user ran a script; `editor` is the whole editor text at that moment. */
  z.object({ v: z.literal(1), sql: z.literal('run'), id: z.string(), script: z.string(), editor: z.string() }),
  /** The policy held or blocked the run. */
  z.object({
    v: z.literal(1),
    sql: z.literal('verdict'),
    id: z.string(),
    action: z.enum(['review', 'block']),
    reason: z.string(),
    reviewId: z.string().nullable(),
  }),
  z.object({
    v: z.literal(1),
    sql: z.literal('review'),
    id: z.string(),
    reviewId: z.string(),
    status: z.enum(['approved', 'denied', 'cancelled']),
    decider: z.string().nullable(),
    comment: z.string().nullable(),
  }),
  z.object({ v: z.literal(1), sql: z.literal('statement'), id: z.string(), index: z.number(), text: z.string() }),
  /**
   * A page of a statement's result, recorded before the browser gets it (so a crash cannot show
   * rows the recording lacks): `columns` on its first page, the masked rows of the page that
   * fall within the rows kept in the recording (their masked cells as row/column pairs, relative
   * to the page), and `count`, the rows the page sent. Older readers skip it.
   */
  z.object({
    v: z.literal(1),
    sql: z.literal('page'),
    id: z.string(),
    index: z.number(),
    columns: z.array(column).optional(),
    rows: z.array(z.array(z.string().nullable())),
    masked: z.array(z.number()),
    count: z.number(),
  }),
  /**
   * A statement ended: its columns, counts and any error. Its kept rows are in its `page` events;
   * `rows` and `masked` are written empty. Recordings made before pages existed kept the rows
   * here (and for a while in both places): read a statement's rows with `StatementRows`
   * (lib/sql/statement-rows.ts), which takes them from the pages when there are any.
   */
  z.object({
    v: z.literal(1),
    sql: z.literal('result'),
    id: z.string(),
    index: z.number(),
    command: z.string(),
    columns: z.array(column),
    rows: z.array(z.array(z.string().nullable())),
    /** Masked cells of `rows` as row/column pairs. */
    masked: z.array(z.number()),
    rowCount: z.number().nullable(),
    durationMs: z.number(),
    isTruncated: z.boolean(),
    /** Rows beyond those kept in the recording. */
    omittedRows: z.number(),
    error: z.object({ code: z.string(), message: z.string(), position: z.number().nullable() }).nullable(),
  }),
  /** A server notice during a statement (masked like everything else). Older readers skip it. */
  z.object({ v: z.literal(1), sql: z.literal('notice'), id: z.string(), index: z.number(), message: z.string() }),
  z.object({ v: z.literal(1), sql: z.literal('finished'), id: z.string(), status: z.enum(['ok', 'error', 'cancelled']), durationMs: z.number() }),
]);
export type SqlEvent = z.infer<typeof sqlEvent>;

/** Distributive Omit, so each member keeps its own fields. */
type OmitVersion<T> = T extends unknown ? Omit<T, 'v'> : never;
export type SqlEventInput = OmitVersion<SqlEvent>;

export function encodeSqlEvent(event: SqlEventInput): string {
  return JSON.stringify({ v: SQL_EVENT_VERSION, ...event });
}

/** The SQL event in a marker's text, or undefined for any other marker. */
export function decodeSqlEvent(text: string): SqlEvent | undefined {
  if (!text.startsWith('{"v":')) return undefined;
  try {
    const parsed = sqlEvent.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

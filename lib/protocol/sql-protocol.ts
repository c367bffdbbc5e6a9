import { z } from 'zod';
import { activeMessage, idleMessage, SESSION_END_REASONS } from './terminal-protocol';

/**
 * Browser ↔ gateway protocol of the SQL console, on the same /ws/sessions/:id path as the
 * terminal (the session's resource type decides). Every frame is a JSON text frame. Shared by
 * the console and the gateway: keep it free of Node-only imports.
 *
 * Results stream in pages; the gateway stops reading from the database while more than
 * SQL_FLOW_WINDOW_BYTES of pages are unacknowledged, so a 1,000,000-row result never piles up
 * in the server or the browser.
 */
export { CloseCode, SESSION_END_REASONS, type SessionEndReason } from './terminal-protocol';

export const SQL_FLOW_WINDOW_BYTES = 4 * 1024 * 1024;
/** The browser acknowledges after handling at least this many bytes of pages. */
export const SQL_ACK_EVERY_BYTES = 256 * 1024;
/** Largest frame the browser may send (a script to run). */
export const MAX_SQL_FRAME_BYTES = 1024 * 1024;
/** Largest script accepted in one run (and the most of the editor's text a recording keeps). */
export const MAX_SCRIPT_CHARS = 200_000;

/** Why a script over MAX_SCRIPT_CHARS does not run: the browser says it before sending, the gateway if it is sent anyway. */
export function scriptTooLongReason(length: number): string {
  return `The script is ${length.toLocaleString('en-US')} characters: at most ${MAX_SCRIPT_CHARS.toLocaleString('en-US')} run at once. Select a part and run that.`;
}

const runId = z.string().min(1).max(64);

export const sqlClientMessage = z.discriminatedUnion('type', [
  /**
   * Runs a script (one statement or several); `editor` is the whole editor text, for the recording.
   * Their length is bounded by the frame (MAX_SQL_FRAME_BYTES); a script over MAX_SCRIPT_CHARS is
   * refused as a run (`blocked`), and the console goes on.
   */
  z.object({ type: z.literal('run'), id: runId, script: z.string().min(1), editor: z.string().optional() }),
  z.object({ type: z.literal('cancel'), id: runId }),
  /** Total bytes of `rows` frames handled since the session opened (monotonic). */
  z.object({ type: z.literal('ack'), bytes: z.number().int().min(0) }),
  /** Schemas, tables and columns for autocomplete. */
  z.object({ type: z.literal('schema') }),
  z.object({ type: z.literal('ping') }),
  activeMessage,
]);
export type SqlClientMessage = z.infer<typeof sqlClientMessage>;

/**
 * `isComputed`: no trustworthy table column behind the field (an expression, a view); column
 * masks cannot apply by name, the value detectors check every cell. `hasMaskedInput`: such a
 * field whose statement (or view) reads a masked column, so every cell is masked whole.
 */
export const sqlColumn = z.object({ name: z.string(), type: z.string(), isComputed: z.boolean().optional(), hasMaskedInput: z.boolean().optional() });
export type SqlColumnView = z.infer<typeof sqlColumn>;

export const sqlSessionInfo = z.object({
  dialect: z.enum(['postgres', 'mysql']),
  serverVersion: z.string(),
  database: z.string(),
  resourceName: z.string(),
  isReadOnly: z.boolean(),
  rowCap: z.number(),
  statementTimeoutMs: z.number(),
});
export type SqlSessionInfo = z.infer<typeof sqlSessionInfo>;

const judgedStatement = z.object({
  index: z.number(),
  text: z.string(),
  /** Character offsets in the submitted script. */
  start: z.number(),
  end: z.number(),
  classes: z.array(z.string()),
  action: z.enum(['allow', 'review', 'block']),
  reasons: z.array(z.string()),
});
export type JudgedStatementView = z.infer<typeof judgedStatement>;

export const sqlServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), state: z.enum(['connecting', 'connected']), message: z.string().optional(), info: sqlSessionInfo.optional() }),
  /**
   * A run was accepted and its statements start now. `script` and the statements' `text` are
   * masked (what history shows); `start`/`end` point into the script as the editor has it.
   */
  z.object({ type: z.literal('run'), id: runId, statements: z.array(judgedStatement), script: z.string().optional() }),
  /** The policy blocked the run: nothing ran. */
  z.object({ type: z.literal('blocked'), id: runId, reason: z.string(), statements: z.array(judgedStatement), script: z.string().optional() }),
  /** The policy holds the run for review: nothing ran yet. */
  z.object({
    type: z.literal('held'),
    id: runId,
    reviewId: z.string(),
    reason: z.string(),
    statements: z.array(judgedStatement),
    script: z.string().optional(),
  }),
  /** An approver decided; on approval the run starts with a `run` message. */
  z.object({
    type: z.literal('review'),
    id: runId,
    reviewId: z.string(),
    status: z.enum(['approved', 'denied', 'cancelled']),
    decider: z.string().nullable(),
    comment: z.string().nullable(),
  }),
  /** A statement started returning rows. */
  z.object({ type: z.literal('columns'), id: runId, index: z.number(), columns: z.array(sqlColumn) }),
  /** A page of (masked) rows; `masked` holds row/column index pairs of masked cells, relative to this page. */
  z.object({ type: z.literal('rows'), id: runId, index: z.number(), rows: z.array(z.array(z.string().nullable())), masked: z.array(z.number()) }),
  z.object({
    type: z.literal('done'),
    id: runId,
    index: z.number(),
    command: z.string(),
    /** Rows returned (queries) or affected (commands); null when the server does not say. */
    rowCount: z.number().nullable(),
    durationMs: z.number(),
    /** The row cap stopped the result early. */
    isTruncated: z.boolean(),
  }),
  z.object({
    type: z.literal('statement_error'),
    id: runId,
    index: z.number(),
    code: z.string(),
    message: z.string(),
    /** Character offset in the submitted script, when the server located the error. */
    position: z.number().nullable(),
    durationMs: z.number(),
  }),
  /** A server notice while a statement ran (`RAISE NOTICE`, warnings), masked. */
  z.object({ type: z.literal('notice'), id: runId, index: z.number(), message: z.string() }),
  z.object({ type: z.literal('finished'), id: runId, status: z.enum(['ok', 'error', 'cancelled']), durationMs: z.number() }),
  z.object({
    type: z.literal('schema'),
    schemas: z.array(z.object({ name: z.string(), tables: z.array(z.object({ name: z.string(), columns: z.array(sqlColumn) })) })),
  }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
  z.object({ type: z.literal('exit'), reason: z.enum(SESSION_END_REASONS), message: z.string() }),
  z.object({ type: z.literal('pong') }),
  /** Auditors or admins watching the console now (the console shows a banner it cannot hide); empty when none. */
  z.object({ type: z.literal('watchers'), names: z.array(z.string()) }),
  /** The session runs inside a just-in-time grant that ends at this time (ISO 8601), as in a terminal. */
  z.object({ type: z.literal('grant'), expiresAt: z.iso.datetime({ offset: true }) }),
  idleMessage,
]);
export type SqlServerMessage = z.infer<typeof sqlServerMessage>;
export type SqlSchemaTree = Extract<SqlServerMessage, { type: 'schema' }>['schemas'];

import { z } from 'zod';
import { SESSION_END_REASONS } from './terminal-protocol';

/**
 * The read-only watch socket of a live SQL console (`/ws/sessions/:id/watch`, server to
 * watcher, JSON text frames). Events are the recording's own SQL events (`[t, text]`, the text
 * as `encodeSqlEvent` wrote it, masked), trimmed for watching: no editor text, no result rows.
 * `history` starts (or, after a resync, restarts) the list; `event` appends one.
 */
export const sqlWatchEvent = z.tuple([z.number(), z.string()]);
export type SqlWatchEvent = z.infer<typeof sqlWatchEvent>;

export const sqlWatchMessage = z.discriminatedUnion('type', [
  /** `isTrimmed`: older statements were left out (only the latest are kept for late watchers). */
  z.object({ type: z.literal('history'), events: z.array(sqlWatchEvent), isTrimmed: z.boolean() }),
  z.object({ type: z.literal('event'), event: sqlWatchEvent }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
  z.object({ type: z.literal('exit'), reason: z.enum(SESSION_END_REASONS), message: z.string() }),
]);
export type SqlWatchMessage = z.infer<typeof sqlWatchMessage>;

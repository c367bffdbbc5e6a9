import { encodeSqlEvent, type SqlEventInput } from '@/lib/sql/sql-events';
import type { SqlWatchEvent } from '@/lib/protocol/sql-watch-protocol';

/** Events kept for a watcher who joins late (statements, outcomes, review moments). */
export const WATCH_HISTORY_EVENTS = 200;
/** A statement, script, reason or message longer than this is cut for watching (the recording keeps it whole). */
export const WATCH_TEXT_CHARS = 10_000;

const clip = (text: string) => (text.length > WATCH_TEXT_CHARS ? `${text.slice(0, WATCH_TEXT_CHARS)}…` : text);

/**
 * What a watcher is sent of a recorded SQL event: the statement list's inputs and every
 * outcome, never result rows or column names (counts only) and never the editor's other text. Result pages
 * are left out: the result event that ends a statement carries its counts.
 */
export function toWatchEvent(event: SqlEventInput): SqlEventInput | undefined {
  switch (event.sql) {
    case 'run':
      return { ...event, script: clip(event.script), editor: '' };
    case 'statement':
      return { ...event, text: clip(event.text) };
    case 'verdict':
      return { ...event, reason: clip(event.reason) };
    case 'notice':
      return { ...event, message: clip(event.message) };
    case 'page':
      return undefined;
    case 'result': {
      const error = event.error && { ...event.error, message: clip(event.error.message) };
      // Column names can quote what was typed (`SELECT 1 AS "<secret>"`) and the recording keeps
      // them as the driver gave them: a watcher gets how many columns and their types only.
      const columns = event.columns.map(({ type }) => ({ name: '', type }));
      return { ...event, columns, rows: [], masked: [], error };
    }
    default:
      return event;
  }
}

/**
 * The latest events of a SQL session, grouped by run so a late watcher never gets a
 * statement without the run it belongs to: the oldest whole runs go first; a single run
 * longer than the bound loses its oldest events after the one that opened it.
 */
export class SqlWatchHistory {
  private readonly runs: { id: string; events: SqlWatchEvent[] }[] = [];
  private size = 0;
  /** Some events were left out to stay within the bound. */
  isTrimmed = false;

  add(t: number, event: SqlEventInput): SqlWatchEvent | undefined {
    const shown = toWatchEvent(event);
    if (!shown) return undefined;
    const entry: SqlWatchEvent = [t, encodeSqlEvent(shown)];
    let run = this.runs.findLast((candidate) => candidate.id === event.id);
    if (!run) this.runs.push((run = { id: event.id, events: [] }));
    run.events.push(entry);
    this.size += 1;
    while (this.size > WATCH_HISTORY_EVENTS) this.trim();
    return entry;
  }

  events(): SqlWatchEvent[] {
    return this.runs.flatMap((run) => run.events);
  }

  private trim(): void {
    this.isTrimmed = true;
    const oldest = this.runs[0]!;
    if (this.runs.length > 1) {
      this.runs.shift();
      this.size -= oldest.events.length;
    } else {
      oldest.events.splice(1, 1);
      this.size -= 1;
    }
  }
}

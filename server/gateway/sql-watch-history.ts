import { encodeSqlEvent, type SqlEventInput } from '@/lib/sql/sql-events';
import type { SqlWatchEvent } from '@/lib/protocol/sql-watch-protocol';
import type { WatchHistory } from '../watch/console-watch';
import { GroupedWatchHistory } from '../watch/grouped-watch-history';

export { WATCH_HISTORY_EVENTS } from '../watch/grouped-watch-history';

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

/** The latest events of a SQL session for late watchers, grouped by run (see GroupedWatchHistory). */
export class SqlWatchHistory implements WatchHistory {
  private readonly runs = new GroupedWatchHistory();

  get isTrimmed(): boolean {
    return this.runs.isTrimmed;
  }

  add(t: number, event: SqlEventInput): SqlWatchEvent | undefined {
    const shown = toWatchEvent(event);
    return shown && this.runs.add(event.id, [t, encodeSqlEvent(shown)]);
  }

  events(): SqlWatchEvent[] {
    return this.runs.events();
  }
}

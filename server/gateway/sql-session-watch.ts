import type { SqlSessionRecorder } from '../sql/sql-session-recorder';
import { ConsoleWatch } from '../watch/console-watch';
import { SqlWatchHistory } from './sql-watch-history';

/**
 * The watchers of one live SQL console (see ConsoleWatch): the recording's SQL events trimmed
 * to statements and outcomes (SqlWatchHistory), never result rows.
 */
export class SqlSessionWatch extends ConsoleWatch {
  private readonly sqlHistory: SqlWatchHistory;

  constructor(onWatchers: (names: string[]) => void) {
    const history = new SqlWatchHistory();
    super(history, onWatchers);
    this.sqlHistory = history;
  }

  /**
   * Wraps the session's recorder: every event it records is what watchers see. Bound, so it
   * can be passed on.
   */
  readonly tap = (recorder: SqlSessionRecorder): SqlSessionRecorder => {
    return {
      now: () => recorder.now(),
      record: (event) => {
        const isRecorded = recorder.record(event);
        if (isRecorded && this.isOpen) this.broadcast(this.sqlHistory.add(recorder.now(), event));
        return isRecorded;
      },
      command: (t, text) => recorder.command(t, text),
      commandEnded: (seq, outcome) => recorder.commandEnded(seq, outcome),
      finish: (exit) => recorder.finish(exit),
    };
  };
}

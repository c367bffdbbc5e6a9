import type { SqlWatchEvent } from '@/lib/protocol/sql-watch-protocol';
import { decodeHttpEvent, encodeHttpEvent } from '@/lib/recording/http-events';
import type { MarkerSessionRecorder } from '../sql/sql-session-recorder';
import { ConsoleWatch, type WatchHistory } from './console-watch';
import { GroupedWatchHistory } from './grouped-watch-history';

/** A body longer than this is cut for watching, marked truncated (the recording keeps what it kept, with size and hash). */
export const WATCH_BODY_CHARS = 32_000;

/**
 * What a watcher is sent of a recorded HTTP event: the event as recorded (masked, the injected
 * credential only as injected), its body cut to WATCH_BODY_CHARS; nothing for other markers.
 */
export function toHttpWatchEvent(t: number, text: string): { exchange: number; entry: SqlWatchEvent } | undefined {
  const event = decodeHttpEvent(text);
  if (!event) return undefined;
  if (event.http === 'error' || event.body.length <= WATCH_BODY_CHARS) return { exchange: event.n, entry: [t, text] };
  const { v: _version, ...input } = event;
  return { exchange: event.n, entry: [t, encodeHttpEvent({ ...input, body: input.body.slice(0, WATCH_BODY_CHARS), truncated: true })] };
}

/** The latest exchanges of an HTTP console for late watchers, grouped by exchange: a response never without its request. */
export class HttpWatchHistory implements WatchHistory {
  private readonly exchanges = new GroupedWatchHistory();

  get isTrimmed(): boolean {
    return this.exchanges.isTrimmed;
  }

  add(t: number, text: string): SqlWatchEvent | undefined {
    const shown = toHttpWatchEvent(t, text);
    return shown && this.exchanges.add(String(shown.exchange), shown.entry);
  }

  events(): SqlWatchEvent[] {
    return this.exchanges.events();
  }
}

/**
 * The watchers of one live HTTP console (see ConsoleWatch): each exchange's request, then its
 * response or error, as the recording has them. The frames are the SQL watch's (`[t, text]`
 * events), the text an HTTP event.
 */
export class HttpSessionWatch extends ConsoleWatch {
  private readonly httpHistory: HttpWatchHistory;

  constructor(onWatchers: (names: string[]) => void) {
    const history = new HttpWatchHistory();
    super(history, onWatchers);
    this.httpHistory = history;
  }

  /** Wraps the console's recorder: every HTTP event it records is what watchers see. Bound, so it can be passed on. */
  readonly tap = (recorder: MarkerSessionRecorder): MarkerSessionRecorder => {
    return {
      now: () => recorder.now(),
      recordMarker: (text, activity) => {
        const isRecorded = recorder.recordMarker(text, activity);
        if (isRecorded && this.isOpen) this.broadcast(this.httpHistory.add(recorder.now(), text));
        return isRecorded;
      },
      command: (t, text) => recorder.command(t, text),
      commandEnded: (seq, outcome) => recorder.commandEnded(seq, outcome),
      finish: (exit) => recorder.finish(exit),
    };
  };
}

import type { SqlWatchEvent } from '@/lib/protocol/sql-watch-protocol';
import { decodeHttpEvent, encodeHttpEvent } from '@/lib/recording/http-events';
import type { MarkerSessionRecorder } from '../sql/sql-session-recorder';
import { ConsoleWatch, type WatchHistory } from './console-watch';
import { GroupedWatchHistory, WATCH_HISTORY_EVENTS } from './grouped-watch-history';

/** A body longer than this is cut for watching, marked truncated (the recording keeps what it kept, with size and hash). */
export const WATCH_BODY_CHARS = 32_000;

/**
 * What a watcher is sent of a recorded HTTP event: the event as recorded (masked, the injected
 * credential only as injected), its body cut to WATCH_BODY_CHARS; nothing for other markers.
 */
export function toHttpWatchEvent(t: number, text: string): { exchange: number; isRequest: boolean; entry: SqlWatchEvent } | undefined {
  const event = decodeHttpEvent(text);
  if (!event) return undefined;
  const isRequest = event.http === 'request';
  if (event.http === 'error' || event.body.length <= WATCH_BODY_CHARS) return { exchange: event.n, isRequest, entry: [t, text] };
  const { v: _version, ...input } = event;
  return { exchange: event.n, isRequest, entry: [t, encodeHttpEvent({ ...input, body: input.body.slice(0, WATCH_BODY_CHARS), truncated: true })] };
}

/** Recorded text kept undecoded for a first watcher, past which the oldest goes (bodies are up to PORTHOLE_HTTP_BODY_RECORD_LIMIT each). */
export const UNWATCHED_KEPT_CHARS = 4 * 1024 * 1024;

/**
 * The latest exchanges of an HTTP console for late watchers, grouped by exchange: a response
 * never without its request. Until someone first watches, events are kept as recorded text
 * (bounded) and decoded only when asked for: most consoles are never watched, and decoding a
 * large body on every exchange was a tenth of the proxy's CPU per MiB.
 */
export class HttpWatchHistory implements WatchHistory {
  private readonly exchanges = new GroupedWatchHistory();
  private unwatched: { t: number; text: string }[] = [];
  private unwatchedChars = 0;
  private hasDroppedUnwatched = false;

  get isTrimmed(): boolean {
    this.decodeKept();
    return this.exchanges.isTrimmed || this.hasDroppedUnwatched;
  }

  /** Nobody watches: keeps the event as recorded, for a watcher who may come. */
  keep(t: number, text: string): void {
    this.unwatched.push({ t, text });
    this.unwatchedChars += text.length;
    while (this.unwatched.length > WATCH_HISTORY_EVENTS || (this.unwatchedChars > UNWATCHED_KEPT_CHARS && this.unwatched.length > 1)) {
      this.unwatchedChars -= this.unwatched.shift()!.text.length;
      this.hasDroppedUnwatched = true;
    }
  }

  add(t: number, text: string): SqlWatchEvent | undefined {
    this.decodeKept();
    const shown = toHttpWatchEvent(t, text);
    return shown && this.exchanges.add(String(shown.exchange), shown.entry);
  }

  events(): SqlWatchEvent[] {
    this.decodeKept();
    return this.exchanges.events();
  }

  private decodeKept(): void {
    if (this.unwatched.length === 0) return;
    const requests = new Set<number>();
    for (const { t, text } of this.unwatched) {
      const shown = toHttpWatchEvent(t, text);
      if (!shown) continue;
      if (shown.isRequest) requests.add(shown.exchange);
      // Its request went to stay within the bound: the answer goes too.
      else if (this.hasDroppedUnwatched && !requests.has(shown.exchange)) continue;
      this.exchanges.add(String(shown.exchange), shown.entry);
    }
    this.unwatched = [];
    this.unwatchedChars = 0;
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
        if (!isRecorded || !this.isOpen) return isRecorded;
        if (this.count === 0) this.httpHistory.keep(recorder.now(), text);
        else this.broadcast(this.httpHistory.add(recorder.now(), text));
        return isRecorded;
      },
      command: (t, text) => recorder.command(t, text),
      commandEnded: (seq, outcome) => recorder.commandEnded(seq, outcome),
      finish: (exit) => recorder.finish(exit),
    };
  };
}

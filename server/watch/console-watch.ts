import { WebSocket } from 'ws';
import type { SqlWatchEvent, SqlWatchMessage } from '@/lib/protocol/sql-watch-protocol';
import { CloseCode, type SessionEndReason } from '@/lib/protocol/terminal-protocol';
import { WATCHER_BUFFER_BYTES, type WatcherInfo } from './watcher';

/** How often a dropped watcher's socket is checked for room to resync into. */
const RESYNC_CHECK_MS = 100;

type Watcher = WatcherInfo & { ws: WebSocket; isBehind: boolean; resyncs: number; retry?: NodeJS.Timeout };

/** What a late or resynced watcher is sent first: the latest recorded events, bounded. */
export type WatchHistory = {
  events(): SqlWatchEvent[];
  readonly isTrimmed: boolean;
};

/**
 * The watchers of one live JSON-marker console (a SQL or an HTTP console). They get the
 * events so far (the kind's bounded history), then each event as the recording gets it:
 * masked, whatever the engineer's own view, never anything they could send back. Sending
 * never waits: a watcher whose socket backs up past the bound loses what it was owed and is
 * sent the history again once its socket has room. Also keeps who watches, for the engineer's banner.
 * A kind adds its `tap` on its recorder, which calls `broadcast` with what the history kept.
 */
export class ConsoleWatch {
  private readonly watchers = new Set<Watcher>();
  /** Watcher names by watch id, from any replica (the bus tells this one). */
  private readonly names = new Map<string, string>();
  private isClosed = false;

  /** `onWatchers`: who watches now changed; the engineer's console shows the names. */
  constructor(
    private readonly history: WatchHistory,
    private readonly onWatchers: (names: string[]) => void,
  ) {}

  get count(): number {
    return this.watchers.size;
  }

  /** Whether recorded events should still be kept and sent (not once the session ended). */
  protected get isOpen(): boolean {
    return !this.isClosed;
  }

  /** Sends one recorded event (as the history kept it) to every watcher. */
  protected broadcast(entry: SqlWatchEvent | undefined): void {
    if (entry) for (const watcher of this.watchers) this.send(watcher, { type: 'event', event: entry });
  }

  /** How often each watcher had to be resynced (tests, metrics). */
  resyncCounts(): Map<string, number> {
    return new Map([...this.watchers].map((watcher) => [watcher.id, watcher.resyncs]));
  }

  /** Bound, so the session can hand it on as its own `setWatching`. */
  readonly setWatching = ({ watchId, watcherName, isWatching }: { watchId: string; watcherName: string; isWatching: boolean }): void => {
    if (this.isClosed) return;
    if (isWatching) this.names.set(watchId, watcherName);
    else if (!this.names.delete(watchId)) return;
    this.onWatchers([...new Set(this.names.values())]);
  };

  /** Starts a watcher on the history; `onLeave` runs once when its socket closes. */
  add(info: WatcherInfo, ws: WebSocket, onLeave: () => void): void {
    if (this.isClosed) return void ws.close(CloseCode.SessionEnded, 'session ended');
    const watcher: Watcher = { ...info, ws, isBehind: false, resyncs: 0 };
    this.watchers.add(watcher);
    ws.on('close', () => {
      clearTimeout(watcher.retry);
      if (this.watchers.delete(watcher)) onLeave();
    });
    // Watching is read-only: nothing a watcher sends reaches the session.
    ws.on('message', () => this.send(watcher, { type: 'error', code: 'read_only', message: 'You are watching: nothing is sent to the session.' }));
    ws.on('error', () => ws.terminate());
    this.sync(watcher);
  }

  /** The session ended: every watcher sees why, then its socket closes. */
  close(end: { reason: SessionEndReason; message: string }): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const watcher of this.watchers) {
      clearTimeout(watcher.retry);
      if (watcher.ws.readyState === WebSocket.OPEN)
        watcher.ws.send(JSON.stringify({ type: 'exit', reason: end.reason, message: end.message } satisfies SqlWatchMessage));
      watcher.ws.close(CloseCode.SessionEnded, end.reason);
    }
  }

  private sync(watcher: Watcher): void {
    this.send(watcher, { type: 'history', events: this.history.events(), isTrimmed: this.history.isTrimmed });
  }

  private send(watcher: Watcher, message: SqlWatchMessage): void {
    if (watcher.isBehind || watcher.ws.readyState !== WebSocket.OPEN) return;
    const frame = JSON.stringify(message);
    // An empty socket always takes one frame, so a history longer than the bound still goes out.
    const buffered = watcher.ws.bufferedAmount;
    if (buffered > 0 && buffered + frame.length > WATCHER_BUFFER_BYTES) return this.drop(watcher);
    watcher.ws.send(frame);
  }

  /** Too slow: forget what it was owed and resync it once its socket has drained. */
  private drop(watcher: Watcher): void {
    watcher.isBehind = true;
    watcher.resyncs += 1;
    const check = () => {
      if (this.isClosed || !this.watchers.has(watcher)) return;
      if (watcher.ws.bufferedAmount > WATCHER_BUFFER_BYTES / 4) return void (watcher.retry = setTimeout(check, RESYNC_CHECK_MS));
      watcher.isBehind = false;
      this.sync(watcher);
    };
    watcher.retry = setTimeout(check, RESYNC_CHECK_MS);
  }
}

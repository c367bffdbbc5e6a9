import { WebSocket } from 'ws';
import { LiveScreen } from './live-screen';
import type { Sink, Stage } from '../relay/pipeline';
import { CloseCode, type SessionEndReason } from './protocol';
import { sendControl } from '../relay/socket-sink';
import { WATCHER_BUFFER_BYTES, type WatcherInfo } from '../watch/watcher';

/** How often a dropped watcher's socket is checked for room to resync into. */
const RESYNC_CHECK_MS = 100;

type QueuedOutput = { chunk: Buffer; end: number };

type Watcher = WatcherInfo & {
  ws: WebSocket;
  /** Output that came while its screen was being taken, each chunk with where in the output it ends: sent after the screen, unless in it. */
  queued: QueuedOutput[] | undefined;
  queuedBytes: number;
  isBehind: boolean;
  resyncs: number;
  /** Which sync is current: a screen taken for an earlier one is stale. */
  syncs: number;
  retry?: NodeJS.Timeout;
};

/**
 * The watchers of one live terminal session. They get the current screen, then the output as
 * the recording gets it (masked, whatever the engineer's own view), never anything they could
 * send back. Sending to a watcher never waits: a watcher whose socket backs up past the bound
 * loses what is queued and is sent the current screen again once its socket has room.
 */
export class SessionWatch {
  private readonly screen: LiveScreen;
  private readonly watchers = new Set<Watcher>();
  private isClosed = false;

  constructor(size: { cols: number; rows: number }) {
    this.screen = new LiveScreen(size);
  }

  /** Wraps the output pipeline's recorder slot: what the recorder is given is what watchers see. */
  tap(recorder: Stage): Stage {
    return (next, context) => {
      const recorded = recorder(next, context);
      return {
        write: (chunk, relayed) => {
          this.output(chunk);
          recorded.write(chunk, relayed);
        },
        event: (event) => recorded.event(event),
        end: () => recorded.end(),
      } satisfies Sink;
    };
  }

  get count(): number {
    return this.watchers.size;
  }

  /** How often each watcher had to be resynced (tests, metrics). */
  resyncCounts(): Map<string, number> {
    return new Map([...this.watchers].map((watcher) => [watcher.id, watcher.resyncs]));
  }

  resize(cols: number, rows: number): void {
    this.screen.resize(cols, rows);
    for (const watcher of this.watchers) if (!watcher.queued && !watcher.isBehind) sendControl(watcher.ws, { type: 'size', cols, rows });
  }

  /** Starts a watcher on its current screen; `onLeave` runs once when its socket closes. */
  add(info: WatcherInfo, ws: WebSocket, onLeave: () => void): void {
    if (this.isClosed) return void ws.close(CloseCode.SessionEnded, 'session ended');
    const watcher: Watcher = { ...info, ws, queued: undefined, queuedBytes: 0, isBehind: false, resyncs: 0, syncs: 0 };
    this.watchers.add(watcher);
    ws.on('close', () => {
      clearTimeout(watcher.retry);
      if (!this.watchers.delete(watcher)) return;
      // The last one gone: the session stops paying for the screen until someone watches again.
      if (this.watchers.size === 0) this.screen.sleep();
      onLeave();
    });
    // Watching is read-only: input and resizes from a watcher never reach the session.
    ws.on('message', () => sendControl(ws, { type: 'error', code: 'read_only', message: 'You are watching: input is not sent to the session.' }));
    ws.on('error', () => ws.terminate());
    void this.sync(watcher);
  }

  /** The session ended: every watcher sees why, then its socket closes. */
  close(end: { reason: SessionEndReason; message: string }): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const watcher of this.watchers) {
      clearTimeout(watcher.retry);
      sendControl(watcher.ws, { type: 'exit', reason: end.reason, message: end.message, exitCode: null });
      watcher.ws.close(CloseCode.SessionEnded, end.reason);
    }
    this.screen.dispose();
  }

  private output(chunk: Buffer): void {
    if (chunk.length === 0 || this.isClosed) return;
    this.screen.write(chunk);
    for (const watcher of this.watchers) this.send(watcher, chunk);
  }

  private send(watcher: Watcher, chunk: Buffer): void {
    if (watcher.isBehind || watcher.ws.readyState !== WebSocket.OPEN) return;
    if (watcher.queued) {
      watcher.queued.push({ chunk: Buffer.from(chunk), end: this.screen.written });
      watcher.queuedBytes += chunk.length;
      if (watcher.queuedBytes > WATCHER_BUFFER_BYTES) this.drop(watcher);
      return;
    }
    if (watcher.ws.bufferedAmount + chunk.length > WATCHER_BUFFER_BYTES) return this.drop(watcher);
    watcher.ws.send(chunk, { binary: true });
  }

  /** Too slow: forget what it was owed and resync it once its socket has drained. */
  private drop(watcher: Watcher): void {
    watcher.isBehind = true;
    watcher.queued = undefined;
    watcher.queuedBytes = 0;
    watcher.resyncs += 1;
    const check = () => {
      if (this.isClosed || !this.watchers.has(watcher)) return;
      if (watcher.ws.bufferedAmount > WATCHER_BUFFER_BYTES / 4) return void (watcher.retry = setTimeout(check, RESYNC_CHECK_MS));
      watcher.isBehind = false;
      void this.sync(watcher);
    };
    watcher.retry = setTimeout(check, RESYNC_CHECK_MS);
  }

  /** Current screen first, then what came while it was taken, then live output. */
  private async sync(watcher: Watcher): Promise<void> {
    const sync = ++watcher.syncs;
    watcher.queued = [];
    watcher.queuedBytes = 0;
    let snapshot;
    try {
      snapshot = await this.screen.snapshot();
    } catch {
      return; // the session ended meanwhile; close() told the watcher
    }
    const queued = watcher.queued;
    // Dropped meanwhile: a later sync sends a newer screen.
    if (!queued || watcher.isBehind || sync !== watcher.syncs) return;
    watcher.queued = undefined;
    sendControl(watcher.ws, { type: 'screen', cols: snapshot.cols, rows: snapshot.rows });
    this.send(watcher, Buffer.from(snapshot.data, 'utf8'));
    // Resized after the screen was taken: what follows was printed at the new size.
    const { cols, rows } = this.screen.latestSize;
    if (cols !== snapshot.cols || rows !== snapshot.rows) sendControl(watcher.ws, { type: 'size', cols, rows });
    // A screen redrawn while it was taken shows more than it was asked for: that part is not sent twice.
    for (const { chunk, end } of queued) if (end > snapshot.at) this.send(watcher, chunk);
  }
}

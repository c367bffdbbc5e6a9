import type { Session } from '@/db/schema';
import { formatDuration } from '@/lib/format/duration';
import { log, type Logger } from '../../log/logger';
import { liveSessions, toTerminationReason, type LiveSession, type LiveSessionStats, type TerminationReason } from '../../relay/live-sessions';
import { endSession } from '../../sessions/end-session';
import { SESSION_HEARTBEAT_MS } from '../../sessions/interrupt-stale-sessions';
import { recordSessionBytes } from '../../sessions/record-session-bytes';
import { sessionEndedError } from './proxy-errors';
import type { ProxyRecording, ProxySessionEnd } from './proxy-recording';

/** A proxy session with no request in flight for this long ends (the next request opens a new one). */
export const PROXY_IDLE_MS = 5 * 60_000;
/** How long an ending session waits for its cut requests to record their outcome. */
const SETTLE_MS = 2_000;

/**
 * The requests one user sends through the proxy to one resource, grouped into one session:
 * opened by the first request, ended after PROXY_IDLE_MS without one, or from outside like any
 * live session (grant ended, user disabled, resource deleted, an auditor's terminate), which
 * also cuts the requests still in flight. Registered in liveSessions so it shows as live.
 */
export class ProxySession implements LiveSession {
  readonly id: string;
  readonly userId: string;
  readonly resourceId: string;
  readonly log: Logger;
  private bytesIn = 0;
  private bytesOut = 0;
  private exchangeCount = 0;
  private ended: ProxySessionEnd | undefined;
  /** Each request in flight: what cuts it, and when it has recorded its outcome. */
  private readonly inFlight = new Map<AbortController, Promise<void>>();
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly heartbeat: NodeJS.Timeout;
  private markFinished: () => void = () => {};
  /** Settles once the end is written to the session row. */
  readonly finished = new Promise<void>((resolve) => (this.markFinished = resolve));

  constructor(
    session: Session,
    readonly recording: ProxyRecording,
    private readonly options: { idleMs: number; onEnded: (session: ProxySession) => void },
  ) {
    this.id = session.id;
    this.userId = session.userId;
    this.resourceId = session.resourceId ?? '';
    this.log = log().child({ sessionId: this.id });
    liveSessions().set(this.id, this);
    this.heartbeat = setInterval(() => void this.beat(), SESSION_HEARTBEAT_MS).unref();
    this.armIdle();
  }

  /** Watchers get each exchange as it is recorded (the watch upgrade finds it through liveSessions). */
  get watch(): ProxyRecording['watch'] {
    return this.recording.watch;
  }

  get isEnded(): boolean {
    return this.ended !== undefined;
  }

  /** A request starts: the session stays open while it runs. Returns the signal that cuts it and what to call when it is over. */
  begin(): { signal: AbortSignal; done: () => void } {
    if (this.ended) throw sessionEndedError(this.ended);
    const controller = new AbortController();
    let markDone: () => void = () => {};
    this.inFlight.set(controller, new Promise<void>((resolve) => (markDone = resolve)));
    clearTimeout(this.idleTimer);
    this.exchangeCount++;
    const done = () => {
      markDone();
      if (!this.inFlight.delete(controller)) return;
      if (this.inFlight.size === 0 && !this.ended) this.armIdle();
    };
    return { signal: controller.signal, done };
  }

  count(direction: 'in' | 'out', bytes: number): void {
    if (direction === 'in') this.bytesIn += bytes;
    else this.bytesOut += bytes;
  }

  stats(): LiveSessionStats {
    return { bytesIn: this.bytesIn, bytesOut: this.bytesOut, sent: this.bytesOut, acked: this.bytesOut, maxUnacked: 0, maxBuffered: 0, pauseCount: 0 };
  }

  terminate(message: string, reason: TerminationReason = 'terminated'): void {
    this.end({ reason, message });
  }

  /** The single way out: cuts what is in flight, seals the recording, writes the end to the row. */
  end(end: ProxySessionEnd): void {
    if (this.ended) return;
    this.ended = end;
    clearTimeout(this.idleTimer);
    clearInterval(this.heartbeat);
    liveSessions().delete(this.id);
    this.options.onEnded(this);
    for (const controller of this.inFlight.keys()) controller.abort(sessionEndedError(end));
    this.log.info({ reason: end.reason, exchanges: this.exchangeCount, bytesIn: this.bytesIn, bytesOut: this.bytesOut }, 'HTTP proxy session ended');
    void this.writeEnd(end);
  }

  private async writeEnd(end: ProxySessionEnd): Promise<void> {
    try {
      // The cut requests record why they got no (complete) answer before the recording is sealed.
      const settled = Promise.all(this.inFlight.values());
      await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, SETTLE_MS).unref())]);
      await this.recording.finish(end);
      await endSession({ sessionId: this.id, reason: end.reason, message: end.message, bytesIn: this.bytesIn, bytesOut: this.bytesOut });
    } catch (error) {
      this.log.error({ err: error }, 'cannot record its end');
    } finally {
      this.markFinished();
    }
  }

  private armIdle(): void {
    const message = `No request for ${formatDuration(this.options.idleMs / 1000)}: the HTTP proxy session ended.`;
    this.idleTimer = setTimeout(() => this.end({ reason: 'user_exit', message }), this.options.idleMs).unref();
  }

  /** The heartbeat keeps the row from looking stale, and notices a session another replica ended. */
  private async beat(): Promise<void> {
    try {
      const result = await recordSessionBytes({ sessionId: this.id, bytesIn: this.bytesIn, bytesOut: this.bytesOut });
      if (!result.isActive) this.end({ reason: toTerminationReason(result.endReason), message: result.endMessage ?? 'The session was ended.' });
    } catch (error) {
      this.log.warn({ err: error }, 'heartbeat failed');
    }
  }
}

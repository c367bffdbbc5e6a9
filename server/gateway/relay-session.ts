import { timerAt } from '../jobs/timer-at';
import { WebSocket, type RawData } from 'ws';
import type { ZodType } from 'zod';
import type { Resource, Session } from '@/db/schema';
import { enforceGrants } from '../access/enforce-grants';
import { getActiveGrant } from '../access/get-active-grant';
import { formatDuration } from '@/lib/format/duration';
import { ConnectorError } from '../connectors/connector-error';
import { log, type Logger } from '../log/logger';
import { endSession } from '../sessions/end-session';
import { SESSION_HEARTBEAT_MS } from '../sessions/interrupt-stale-sessions';
import { inputIdleLimitMs } from '../sessions/input-idle-limit';
import { recordSessionBytes } from '../sessions/record-session-bytes';
import type { FlowWindow } from '../relay/flow-window';
import { liveSessions, toTerminationReason, type LiveSession, type LiveSessionStats, type TerminationReason } from '../relay/live-sessions';
import { rawDataBuffer } from '../relay/raw-data';
import { CloseCode, type SessionEndReason } from './protocol';

/** After a grant's end, how long before the session checks it (this server's clock may run ahead of the database's). */
const GRANT_END_MARGIN_MS = 250;
/** How long before the idle limit ends a session the browser is warned (at most half the limit). */
const IDLE_WARNING_MS = 60_000;
/** How a session ended: written to its row and its recording, and sent to the browser. */
export type RelayEnd = { reason: SessionEndReason; message: string; exitCode: number | null };

/** The messages every console's socket carries, whatever its kind. */
type RelayClientMessage = { type: 'ack'; bytes: number } | { type: 'ping' } | { type: 'active' };
type RelayServerMessage =
  | { type: 'status'; state: 'connecting'; message: string }
  | { type: 'error'; code: string; message: string }
  | { type: 'grant'; expiresAt: string }
  | { type: 'idle'; endsInMs: number | null }
  | { type: 'pong' };

/**
 * What a console kind (a terminal, a SQL console) brings to its RelaySession: its connector,
 * its own inbound messages and its event kinds. Everything else is the relay's.
 */
export interface RelayKind<In extends { type: string }> {
  /** In logs ("terminal session started") and in the end message ("The browser closed the console."). */
  readonly name: string;
  readonly noun: string;
  /** Told to the browser when the connector fails without a message of its own. */
  readonly connectFailure: string;
  /** What the browser may send: the kind's messages plus `ack`, `ping` and `active`, which the relay handles. */
  readonly inbound: ZodType<In | RelayClientMessage>;
  /** The flow window the browser's acknowledgements open (push: pauses the target; pull: waits to read). */
  readonly flow: FlowWindow;
  /**
   * Work the engineer started and waits for (a statement running or held for review, a request
   * in flight): the idle limit does not end the session meanwhile.
   */
  isBusy?(): boolean;
  /** Without it, a binary frame is refused. */
  readonly onBinary?: (chunk: Buffer) => void;
  /** The opaque watch side (see LiveSession.watch). */
  readonly watch?: unknown;
  bytesIn(): number;
  bytesOut(): number;
  /** Opens the target and sends `connected`; false when the session ended meanwhile (the relay then sends no grant). */
  connect(): Promise<boolean>;
  onMessage(message: In): void;
  setWatching?(event: { watchId: string; watcherName: string; isWatching: boolean }): void;
  /**
   * Stops the target and sends the exit frame, synchronously. `message` is the end's message as
   * it is recorded (a kind may mask it); `closed` settles once what must precede the session
   * row's end is done (the recording sealed).
   */
  close(end: RelayEnd): { message: string; closed?: Promise<void> };
}

export type RelaySessionOptions = {
  ws: WebSocket;
  session: Session;
  resource: Resource;
  /** When the session runs inside a grant: its end, so the browser can count down to it. */
  grantExpiresAt?: Date | null;
};

function isRelayMessage(message: { type: string }): message is RelayClientMessage {
  return message.type === 'ack' || message.type === 'ping' || message.type === 'active';
}

/**
 * One browser socket relayed to one target, of any kind: the live-session entry, the socket's
 * messages, the heartbeat, the flow window's acknowledgements, failures, and the single way out
 * with its end reason, close code and session row.
 */
export class RelaySession<In extends { type: string }, Out extends { type: string }> implements LiveSession {
  readonly id: string;
  readonly userId: string;
  readonly resourceId: string;
  readonly log: Logger;
  private ended = false;
  private isBrowserAlive = true;
  private heartbeat: NodeJS.Timeout | undefined;
  /** Access checks at the grant's end and at the end of the sign-in that opened the session. */
  private accessEnds: NodeJS.Timeout[] = [];
  /** The end of the grant the session runs in (moved by grantChanged when more time is approved), or null outside one. */
  private grantExpiresAt: Date | null;
  /**
   * When the browser last sent input (a key, a resize, a statement, a request), or when checkIdle
   * last found work the engineer waits for: the limit counts from the later of the two.
   */
  private lastInputAt = Date.now();
  private idleCheck: NodeJS.Timeout | undefined;
  /** The browser was told the idle limit is near (and is told again once input comes). */
  private isIdleWarned = false;
  /** Until the target answers there is nothing to type into: the idle limit waits, as for busy work. */
  private isConnecting = true;
  /** grantChanged's reads, numbered: one that finishes after a later one is dropped. */
  private grantReads = 0;
  private markFinished: () => void = () => {};
  /** Settles once the end is written to the session row (shutdown waits for it). */
  readonly finished = new Promise<void>((resolve) => (this.markFinished = resolve));

  constructor(
    private readonly options: RelaySessionOptions,
    private readonly kind: RelayKind<In>,
  ) {
    this.id = options.session.id;
    this.userId = options.session.userId;
    this.resourceId = options.resource.id;
    this.log = log().child({ sessionId: this.id });
    this.grantExpiresAt = options.grantExpiresAt ?? null;
  }

  get ws(): WebSocket {
    return this.options.ws;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  get watch(): unknown {
    return this.kind.watch;
  }

  async start(): Promise<void> {
    const { ws, resource } = this.options;
    liveSessions().set(this.id, this);
    this.log.info({ userId: this.userId, resourceId: this.resourceId }, `${this.kind.name} session started`);
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('close', () => this.end({ reason: 'disconnected', message: `The browser closed the ${this.kind.noun}.`, exitCode: null }, CloseCode.Normal));
    ws.on('error', (error) => this.end({ reason: 'error', message: `The browser connection failed: ${error.message}`, exitCode: null }, CloseCode.BadFrame));
    ws.on('pong', () => (this.isBrowserAlive = true));
    this.heartbeat = setInterval(() => this.beat(), SESSION_HEARTBEAT_MS).unref();
    const idleLimitMs = inputIdleLimitMs(resource);
    if (idleLimitMs > 0) this.idleCheck = setTimeout(() => this.checkIdle(idleLimitMs), idleLimitMs - idleWarningMs(idleLimitMs)).unref();
    this.accessEnds = [this.grantExpiresAt, this.options.session.signInEndsAt].flatMap((at) => this.checkAccessAt(at) ?? []);
    this.send({ type: 'status', state: 'connecting', message: `Connecting to ${resource.name}…` });
    try {
      const isConnected = await this.kind.connect();
      // The idle limit counts from the moment there is something to type into.
      this.isConnecting = false;
      this.noteInput();
      if (isConnected && this.grantExpiresAt) this.send({ type: 'grant', expiresAt: this.grantExpiresAt.toISOString() });
    } catch (error) {
      if (!(error instanceof ConnectorError)) this.log.error({ err: error }, 'connect failed');
      const problem = error instanceof ConnectorError ? error : new ConnectorError('connect_failed', this.kind.connectFailure);
      this.fail(problem.code, problem.userMessage, CloseCode.TargetError);
    }
  }

  /**
   * The access rule again just after the grant or the sign-in ends (by the database's clock, hence
   * the margin): the session ends then, not at the next 5 s re-check, with no keystroke or statement
   * in between. A grant approved since keeps it going. Beyond a timer's range (24.8 days) the
   * re-check alone does it.
   */
  private checkAccessAt(expiresAt: Date | null | undefined): NodeJS.Timeout | undefined {
    // Still allowed at a grant's end: another grant (more time) runs, whose end is read then.
    const check = () =>
      enforceGrants({ userId: this.userId, resourceId: this.resourceId })
        .then(() => this.grantChanged())
        .catch((error: unknown) => this.log.error({ err: error }, 'access check at the grant’s or the sign-in’s end failed'));
    return timerAt(expiresAt, () => void check(), GRANT_END_MARGIN_MS);
  }

  /**
   * Ends the session once the browser has sent no input for the limit (an unattended terminal on
   * production), after warning it IDLE_WARNING_MS before. One timer per session, set again for the
   * rest when input came meanwhile, rather than one per keystroke.
   */
  private checkIdle(limitMs: number): void {
    if (this.isConnecting || this.kind.isBusy?.()) this.noteInput();
    const idleFor = Date.now() - this.lastInputAt;
    const warnAfter = limitMs - idleWarningMs(limitMs);
    if (idleFor >= warnAfter && idleFor < limitMs && !this.isIdleWarned) {
      this.isIdleWarned = true;
      this.send({ type: 'idle', endsInMs: limitMs - idleFor });
    }
    if (idleFor < limitMs) {
      this.idleCheck = setTimeout(() => this.checkIdle(limitMs), idleFor < warnAfter ? warnAfter - idleFor : limitMs - idleFor).unref();
      return;
    }
    this.end(
      { reason: 'idle_timeout', message: `No input for ${formatDuration(limitMs / 1000)}, so Porthole ended the session.`, exitCode: null },
      CloseCode.Terminated,
    );
  }

  /**
   * The user's grants on this resource changed (more time approved, a grant revoked or expired):
   * the session runs to the end of the grant active now, where access is checked again, and the
   * browser's countdown moves there, later or earlier. No grant active: the access check ends the
   * session. Sessions outside a grant (an open resource) have no countdown to move.
   */
  grantChanged(): void {
    if (this.ended || !this.grantExpiresAt) return;
    const read = ++this.grantReads;
    getActiveGrant({ userId: this.userId, resourceId: this.resourceId })
      .then((grant) => {
        if (this.ended || read !== this.grantReads || !grant || grant.expiresAt.getTime() === this.grantExpiresAt?.getTime()) return;
        this.grantExpiresAt = grant.expiresAt;
        const check = this.checkAccessAt(grant.expiresAt);
        if (check) this.accessEnds.push(check);
        this.send({ type: 'grant', expiresAt: grant.expiresAt.toISOString() });
      })
      .catch((error: unknown) => this.log.error({ err: error }, 'reading the grant again failed'));
  }

  /** Input came (or work the engineer waits for is in progress): the idle limit counts from now. */
  private noteInput(): void {
    this.lastInputAt = Date.now();
    if (!this.isIdleWarned) return;
    this.isIdleWarned = false;
    this.send({ type: 'idle', endsInMs: null });
  }

  stats(): LiveSessionStats {
    const { sent, acked, maxUnacked, maxBuffered, pauseCount } = this.kind.flow;
    return { bytesIn: this.kind.bytesIn(), bytesOut: this.kind.bytesOut(), sent, acked, maxUnacked, maxBuffered, pauseCount };
  }

  terminate(message: string, reason: TerminationReason = 'terminated'): void {
    this.end({ reason, message, exitCode: null }, CloseCode.Terminated);
  }

  setWatching(event: { watchId: string; watcherName: string; isWatching: boolean }): void {
    if (!this.ended) this.kind.setWatching?.(event);
  }

  send(message: Out | RelayServerMessage): void {
    if (this.options.ws.readyState === WebSocket.OPEN) this.options.ws.send(JSON.stringify(message));
  }

  /** A bug in a stage ends this session, not the process (listeners run inside socket reads). */
  crashed(error: unknown): void {
    this.log.error({ err: error }, 'relay failed');
    this.fail('internal', 'Porthole hit an internal error and closed the session.');
  }

  fail(code: string, message: string, closeCode: CloseCode = CloseCode.Internal): void {
    this.send({ type: 'error', code, message });
    this.end({ reason: 'error', message, exitCode: null }, closeCode);
  }

  /** The single way out: closes both sides once and writes the end to the session row. */
  end(end: RelayEnd, closeCode: CloseCode): void {
    if (this.ended) return;
    this.ended = true;
    this.log.info({ reason: end.reason, bytesIn: this.kind.bytesIn(), bytesOut: this.kind.bytesOut() }, `${this.kind.name} session ended`);
    clearInterval(this.heartbeat);
    clearTimeout(this.idleCheck);
    for (const timer of this.accessEnds) clearTimeout(timer);
    liveSessions().delete(this.id);
    this.kind.flow.close?.();
    const { message, closed } = this.kind.close(end);
    const { ws } = this.options;
    if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(closeCode, end.reason);
    void this.writeEnd({ ...end, message }, closed);
  }

  private async writeEnd(end: RelayEnd, closed: Promise<void> | undefined): Promise<void> {
    try {
      await closed;
      await endSession({ sessionId: this.id, ...end, bytesIn: this.kind.bytesIn(), bytesOut: this.kind.bytesOut() });
    } catch (error) {
      this.log.error({ err: error }, 'cannot record its end');
    } finally {
      this.markFinished();
    }
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.ended) return;
    try {
      if (isBinary) {
        this.noteInput();
        if (this.kind.onBinary) return this.kind.onBinary(rawDataBuffer(data));
        return this.fail('bad_frame', `The ${this.kind.name} sends JSON text frames only.`, CloseCode.BadFrame);
      }
      let json: unknown;
      try {
        json = JSON.parse(rawDataBuffer(data).toString('utf8'));
      } catch {
        return this.fail('bad_frame', 'A control message was not valid JSON.', CloseCode.BadFrame);
      }
      const parsed = this.kind.inbound.safeParse(json);
      if (!parsed.success) return this.fail('bad_frame', 'Unknown or malformed control message.', CloseCode.BadFrame);
      const message = parsed.data;
      if (!isRelayMessage(message)) {
        this.noteInput();
        return this.kind.onMessage(message);
      }
      if (message.type === 'ack') this.kind.flow.onAck(message.bytes);
      else if (message.type === 'active') this.noteInput();
      else this.send({ type: 'pong' });
    } catch (error) {
      this.crashed(error);
    }
  }

  /** Writes the counters (the heartbeat) and checks the browser still answers pings. */
  private beat(): void {
    const { ws } = this.options;
    if (!this.isBrowserAlive) {
      this.end({ reason: 'error', message: 'The browser stopped responding.', exitCode: null }, CloseCode.Normal);
      ws.terminate();
      return;
    }
    this.isBrowserAlive = false;
    if (ws.readyState === WebSocket.OPEN) ws.ping();
    recordSessionBytes({ sessionId: this.id, bytesIn: this.kind.bytesIn(), bytesOut: this.kind.bytesOut() })
      .then((beat) => {
        if (!beat.isActive) this.terminate(beat.endMessage ?? 'The session was ended elsewhere.', toTerminationReason(beat.endReason));
      })
      .catch((error: unknown) => this.log.error({ err: error }, 'cannot write its counters'));
  }
}

/** The warning comes IDLE_WARNING_MS before the end, or halfway through a limit shorter than twice that. */
function idleWarningMs(limitMs: number): number {
  return Math.min(IDLE_WARNING_MS, Math.floor(limitMs / 2));
}

import { WebSocket, type RawData } from 'ws';
import type { Resource, Session } from '@/db/schema';
import { ConnectorError } from '../connectors/connector-error';
import { log, type Logger } from '../log/logger';
import { tallies } from '../metrics/tallies';
import type { TerminalConnection, TerminalExit, TerminalSize } from '../connectors/terminal-connector';
import { endSession } from '../sessions/end-session';
import { SESSION_HEARTBEAT_MS } from '../sessions/interrupt-stale-sessions';
import { recordSessionBytes } from '../sessions/record-session-bytes';
import type { ConnectTerminal } from './connect-terminal';
import { liveSessions, toTerminationReason, type LiveSession, type LiveSessionStats, type TerminationReason } from '../relay/live-sessions';
import { OutputFlow } from '../relay/output-flow';
import { PauseGate } from '../relay/pause-gate';
import { buildPipeline, type Direction, type Sink, type StageContext } from '../relay/pipeline';
import type { SessionPipelineSlots } from './pipeline-slots';
import { clientMessage, CloseCode, type SessionEndReason } from './protocol';
import { sendControl, socketSink } from '../relay/socket-sink';
import { TargetInput } from './target-input';
import { rawDataBuffer } from '../relay/raw-data';
import { SessionWatch } from './session-watch';
import type { SessionWatchEvent } from '../events/event-bus';

type SessionEnd = { reason: SessionEndReason; message: string; exitCode: number | null };

export type TerminalSessionOptions = {
  ws: WebSocket;
  session: Session;
  resource: Resource;
  size: TerminalSize;
  slots: SessionPipelineSlots;
  connect: ConnectTerminal;
  /** When the session runs inside a grant: its end, so the browser can warn before it. */
  grantExpiresAt?: Date | null;
};

/** One browser socket relayed to one target connection through the two pipelines. */
export class TerminalSession implements LiveSession {
  readonly id: string;
  readonly userId: string;
  readonly resourceId: string;
  private readonly ws: WebSocket;
  private connection: TerminalConnection | undefined;
  private bytesOut = 0;
  private isEnded = false;
  private isBrowserAlive = true;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly gate: PauseGate;
  private readonly flow: OutputFlow;
  private readonly output: Sink;
  private readonly target: TargetInput;
  private readonly input: Sink;
  /** Auditors and admins watching, by watch socket: the engineer's banner names them. */
  private readonly watchers = new Map<string, string>();
  readonly watch: SessionWatch;
  private markFinished: () => void = () => {};
  private readonly log: Logger;
  /** Settles once the end is written to the session row (shutdown waits for it). */
  readonly finished = new Promise<void>((resolve) => (this.markFinished = resolve));

  constructor(private readonly options: TerminalSessionOptions) {
    this.ws = options.ws;
    this.id = options.session.id;
    this.userId = options.session.userId;
    this.resourceId = options.resource.id;
    this.log = log().child({ sessionId: this.id });
    this.gate = new PauseGate(
      () => this.connection?.pause(),
      () => this.connection?.resume(),
    );
    this.flow = new OutputFlow(this.gate, () => this.ws.bufferedAmount);
    this.watch = new SessionWatch(options.size);
    const output = { masker: options.slots.output.masker, recorder: this.watch.tap(options.slots.output.recorder) };
    this.output = buildPipeline(output, socketSink(this.ws, this.flow), this.stageContext('output'));
    this.target = new TargetInput(options.size, (message) => this.fail('input_overflow', message));
    this.input = buildPipeline(options.slots.input, this.target, this.stageContext('input'));
  }

  async start(): Promise<void> {
    liveSessions().set(this.id, this);
    this.log.info({ userId: this.userId, resourceId: this.resourceId }, 'terminal session started');
    this.ws.on('message', (data, isBinary) => this.guard(() => this.onMessage(data, isBinary)));
    this.ws.on('close', () => this.end({ reason: 'user_exit', message: 'The browser closed the terminal.', exitCode: null }, CloseCode.Normal));
    this.ws.on('error', (error) =>
      this.end({ reason: 'error', message: `The browser connection failed: ${error.message}`, exitCode: null }, CloseCode.BadFrame),
    );
    this.ws.on('pong', () => (this.isBrowserAlive = true));
    this.heartbeat = setInterval(() => this.beat(), SESSION_HEARTBEAT_MS).unref();
    sendControl(this.ws, { type: 'status', state: 'connecting', message: `Connecting to ${this.options.resource.name}…` });
    try {
      const connection = await this.options.connect(this.options.resource, this.options.size, {
        onData: (chunk) => {
          // The SSH channel may still deliver what it buffered after the session ended: the
          // recording is finished by then, and a write to it would mark it failed.
          if (this.isEnded) return;
          this.bytesOut += chunk.length;
          tallies().relayedBytes.output += chunk.length;
          this.guard(() => this.output.write(chunk));
        },
        onDrain: () => this.target.onDrain(),
        onExit: (exit) => this.end(exit, CloseCode.SessionEnded),
      });
      if (this.isEnded) return connection.close();
      this.connection = connection;
      if (this.gate.isPaused) connection.pause();
      sendControl(this.ws, { type: 'status', state: 'connected' });
      const { grantExpiresAt } = this.options;
      if (grantExpiresAt) sendControl(this.ws, { type: 'grant', expiresAt: grantExpiresAt.toISOString() });
      this.target.attach(connection, this.options.size);
    } catch (error) {
      this.failToConnect(error);
    }
  }

  stats(): LiveSessionStats {
    const { sent, acked, maxUnacked, maxBuffered } = this.flow;
    return { bytesIn: this.target.bytesIn, bytesOut: this.bytesOut, sent, acked, maxUnacked, maxBuffered, pauseCount: this.gate.pauseCount };
  }

  terminate(message: string, reason: TerminationReason = 'terminated'): void {
    this.end({ reason, message, exitCode: null }, CloseCode.Terminated);
  }

  setWatching({ watchId, watcherName, isWatching }: Pick<SessionWatchEvent, 'watchId' | 'watcherName' | 'isWatching'>): void {
    if (this.isEnded) return;
    if (isWatching) this.watchers.set(watchId, watcherName);
    else if (!this.watchers.delete(watchId)) return;
    sendControl(this.ws, { type: 'watchers', names: [...new Set(this.watchers.values())] });
  }

  private stageContext(direction: Direction): StageContext {
    const { session } = this.options;
    return {
      sessionId: session.id,
      userId: session.userId,
      resourceId: this.options.resource.id,
      direction,
      pause: (reason) => this.gate.hold(`${direction}:${reason}`),
      resume: (reason) => this.gate.release(`${direction}:${reason}`),
    };
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.isEnded) return;
    if (isBinary) {
      const chunk = rawDataBuffer(data);
      tallies().relayedBytes.input += chunk.length;
      return this.input.write(chunk);
    }
    let json: unknown;
    try {
      json = JSON.parse(rawDataBuffer(data).toString('utf8'));
    } catch {
      return this.fail('bad_frame', 'A control message was not valid JSON.', CloseCode.BadFrame);
    }
    const parsed = clientMessage.safeParse(json);
    if (!parsed.success) return this.fail('bad_frame', 'Unknown or malformed control message.', CloseCode.BadFrame);
    const message = parsed.data;
    if (message.type === 'resize') {
      this.input.event({ type: 'resize', cols: message.cols, rows: message.rows });
      this.watch.resize(message.cols, message.rows);
    } else if (message.type === 'ack') this.flow.onAck(message.bytes);
    else sendControl(this.ws, { type: 'pong' });
  }

  /** A bug in a stage ends this session, not the process (listeners run inside socket reads). */
  private guard(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.log.error({ err: error }, 'relay failed');
      this.fail('internal', 'Porthole hit an internal error and closed the session.');
    }
  }

  /** Writes the counters (the heartbeat) and checks the browser still answers pings. */
  private beat(): void {
    if (!this.isBrowserAlive) {
      this.end({ reason: 'error', message: 'The browser stopped responding.', exitCode: null }, CloseCode.Normal);
      this.ws.terminate();
      return;
    }
    this.isBrowserAlive = false;
    if (this.ws.readyState === WebSocket.OPEN) this.ws.ping();
    recordSessionBytes({ sessionId: this.id, bytesIn: this.target.bytesIn, bytesOut: this.bytesOut })
      .then((beat) => {
        if (!beat.isActive) this.terminate(beat.endMessage ?? 'The session was ended elsewhere.', toTerminationReason(beat.endReason));
      })
      .catch((error: unknown) => this.log.error({ err: error }, 'cannot write its counters'));
  }

  private failToConnect(error: unknown): void {
    if (!(error instanceof ConnectorError)) this.log.error({ err: error }, 'connect failed');
    const problem = error instanceof ConnectorError ? error : new ConnectorError('connect_failed', 'Could not connect to the target.');
    this.fail(problem.code, problem.userMessage, CloseCode.TargetError);
  }

  private fail(code: string, message: string, closeCode: CloseCode = CloseCode.Internal): void {
    sendControl(this.ws, { type: 'error', code, message });
    this.end({ reason: 'error', message, exitCode: null }, closeCode);
  }

  /** The single way out: closes both sides once and writes the end to the session row. */
  private end(end: SessionEnd | TerminalExit, closeCode: CloseCode): void {
    if (this.isEnded) return;
    this.isEnded = true;
    this.log.info({ reason: end.reason, bytesIn: this.target.bytesIn, bytesOut: this.bytesOut }, 'terminal session ended');
    clearInterval(this.heartbeat);
    liveSessions().delete(this.id);
    this.connection?.close();
    // Through the pipeline, so a stage holding bytes back flushes them before the exit frame.
    this.output.event({ type: 'exit', reason: end.reason, message: end.message, exitCode: end.exitCode });
    this.output.end();
    this.input.end();
    this.watch.close(end);
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close(closeCode, end.reason);
    endSession({ sessionId: this.id, reason: end.reason, message: end.message, exitCode: end.exitCode, bytesIn: this.target.bytesIn, bytesOut: this.bytesOut })
      .catch((error: unknown) => this.log.error({ err: error }, 'cannot record its end'))
      .finally(this.markFinished);
  }
}

import type { WebSocket } from 'ws';
import type { Resource, Session } from '@/db/schema';
import { tallies } from '../metrics/tallies';
import type { TerminalConnection, TerminalSize } from '../connectors/terminal-connector';
import type { ConnectTerminal } from './connect-terminal';
import { OutputFlow } from '../relay/output-flow';
import { PauseGate } from '../relay/pause-gate';
import { buildPipeline, type Direction, type Sink, type StageContext } from '../relay/pipeline';
import type { SessionPipelineSlots } from './pipeline-slots';
import { clientMessage, CloseCode, type ClientMessage, type ServerMessage } from './protocol';
import { socketSink } from '../relay/socket-sink';
import { TargetInput } from './target-input';
import { SessionWatch } from './session-watch';
import type { SessionWatchEvent } from '../events/event-bus';
import { RelaySession, type RelayEnd, type RelayKind } from './relay-session';

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

/**
 * The terminal kind of RelaySession: an SSH shell, keystrokes and resizes in, bytes out through
 * the two pipelines (mask → record → socket), watchers on the side.
 */
export class TerminalSession implements RelayKind<ClientMessage> {
  readonly name = 'terminal';
  readonly noun = 'terminal';
  readonly connectFailure = 'Could not connect to the target.';
  readonly inbound = clientMessage;
  readonly relay: RelaySession<ClientMessage, ServerMessage>;
  readonly flow: OutputFlow;
  readonly watch: SessionWatch;
  private connection: TerminalConnection | undefined;
  private bytesOutTotal = 0;
  private readonly gate: PauseGate;
  private readonly output: Sink;
  private readonly target: TargetInput;
  private readonly input: Sink;
  /** Auditors and admins watching, by watch socket: the engineer's banner names them. */
  private readonly watchers = new Map<string, string>();

  constructor(private readonly options: TerminalSessionOptions) {
    this.relay = new RelaySession(options, this);
    this.gate = new PauseGate(
      () => this.connection?.pause(),
      () => this.connection?.resume(),
    );
    this.flow = new OutputFlow(this.gate, () => options.ws.bufferedAmount);
    this.watch = new SessionWatch(options.size);
    const output = { masker: options.slots.output.masker, recorder: this.watch.tap(options.slots.output.recorder) };
    this.output = buildPipeline(output, socketSink(options.ws, this.flow), this.stageContext('output'));
    this.target = new TargetInput(options.size, (message) => this.relay.fail('input_overflow', message));
    this.input = buildPipeline(options.slots.input, this.target, this.stageContext('input'));
  }

  start(): Promise<void> {
    return this.relay.start();
  }

  bytesIn(): number {
    return this.target.bytesIn;
  }

  bytesOut(): number {
    return this.bytesOutTotal;
  }

  async connect(): Promise<boolean> {
    const { resource, size, session } = this.options;
    const connection = await this.options.connect(
      resource,
      size,
      {
        onData: (chunk) => {
          // The SSH channel may still deliver what it buffered after the session ended: the
          // recording is finished by then, and a write to it would mark it failed.
          if (this.relay.isEnded) return;
          this.bytesOutTotal += chunk.length;
          tallies().relayedBytes.output += chunk.length;
          try {
            this.output.write(chunk);
          } catch (error) {
            this.relay.crashed(error);
          }
        },
        onDrain: () => this.target.onDrain(),
        onExit: (exit) => this.relay.end(exit, CloseCode.SessionEnded),
      },
      session.target,
    );
    if (this.relay.isEnded) {
      connection.close();
      return false;
    }
    this.connection = connection;
    if (this.gate.isPaused) connection.pause();
    this.relay.send({ type: 'status', state: 'connected' });
    this.target.attach(connection, size);
    return true;
  }

  onBinary(chunk: Buffer): void {
    tallies().relayedBytes.input += chunk.length;
    this.input.write(chunk);
  }

  onMessage(message: ClientMessage): void {
    if (message.type !== 'resize') return;
    this.input.event({ type: 'resize', cols: message.cols, rows: message.rows });
    this.watch.resize(message.cols, message.rows);
  }

  setWatching({ watchId, watcherName, isWatching }: Pick<SessionWatchEvent, 'watchId' | 'watcherName' | 'isWatching'>): void {
    if (isWatching) this.watchers.set(watchId, watcherName);
    else if (!this.watchers.delete(watchId)) return;
    this.relay.send({ type: 'watchers', names: [...new Set(this.watchers.values())] });
  }

  close(end: RelayEnd): { message: string } {
    this.connection?.close();
    // Through the pipeline, so a stage holding bytes back flushes them before the exit frame.
    this.output.event({ type: 'exit', reason: end.reason, message: end.message, exitCode: end.exitCode });
    this.output.end();
    this.input.end();
    this.watch.close(end);
    return { message: end.message };
  }

  private stageContext(direction: Direction): StageContext {
    const { session, resource } = this.options;
    return {
      sessionId: session.id,
      userId: session.userId,
      resourceId: resource.id,
      direction,
      pause: (reason) => this.gate.hold(`${direction}:${reason}`),
      resume: (reason) => this.gate.release(`${direction}:${reason}`),
    };
  }
}

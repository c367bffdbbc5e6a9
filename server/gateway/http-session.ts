import type { WebSocket } from 'ws';
import type { Resource, Session } from '@/db/schema';
import { httpClientMessage, MAX_HTTP_IN_FLIGHT, type HttpClientMessage, type HttpRequestInput, type HttpServerMessage } from '@/lib/protocol/http-protocol';
import { ConnectorError } from '../connectors/connector-error';
import type { HttpTarget } from '../connectors/http/http-target';
import { sendHttpRequest } from '../connectors/http/send-http-request';
import { credentialForms, credentialHeader } from '../connectors/http/upstream-headers';
import { env } from '../env';
import { AppError } from '../errors/app-error';
import { createHttpMasker, type HttpMasker } from '../masking/http/mask-exchange';
import { createMasker } from '../masking/masker';
import { loadSessionMasking, type SessionMasking } from '../masking/rules-store/load-masking';
import { SqlFlow } from '../relay/sql-flow';
import { httpTargetFor } from '../resources/http-target-for-connection';
import { openSqlSessionRecorder } from '../sql/sql-session-recorder';
import { answeredView, requestView } from '../recording/http/http-exchange-view';
import { checkHttpAccess } from './http-session-access';
import { HttpExchangeRecording } from '../recording/http/http-exchange-recording';
import { HttpSessionWatch } from '../watch/http-session-watch';
import { CloseCode } from './protocol';
import { RelaySession, type RelayEnd, type RelayKind } from './relay-session';

export type HttpSessionOptions = {
  ws: WebSocket;
  session: Session;
  resource: Resource;
  grantExpiresAt?: Date | null;
};

/** Masks nothing but what every HTTP masker masks by name and the credential: what `recording_only` masking shows. */
const NO_DETECTORS = createMasker([]);

/**
 * One browser HTTP console. Each `send` is checked against the grant, sent with the
 * credential injected, masked, recorded, and only then shown (`exchange`); up to
 * MAX_HTTP_IN_FLIGHT at a time, each cancellable. The HTTP kind of RelaySession: the relay owns
 * the socket, heartbeat and the way out (terminate, grant expiry, user disabled).
 */
export class HttpSession implements RelayKind<HttpClientMessage> {
  readonly name = 'HTTP console';
  readonly noun = 'console';
  readonly connectFailure = 'Could not open the HTTP console.';
  readonly inbound = httpClientMessage;
  readonly relay: RelaySession<HttpClientMessage, HttpServerMessage>;
  readonly flow: SqlFlow;
  /** Auditors and admins watching: each exchange as it is recorded; the engineer is told who watches. */
  readonly watch = new HttpSessionWatch((names) => this.send({ type: 'watchers', names }));
  readonly setWatching = this.watch.setWatching;
  private recording: HttpExchangeRecording | undefined;
  private finishRecording: (end: RelayEnd) => Promise<void> = () => Promise.resolve();
  private masking: SessionMasking | undefined;
  private readonly inFlight = new Map<string, AbortController>();
  private exchangeCount = 0;
  private bytesInTotal = 0;
  private bytesOutTotal = 0;

  constructor(private readonly options: HttpSessionOptions) {
    this.relay = new RelaySession(options, this);
    this.flow = new SqlFlow(() => options.ws.bufferedAmount);
  }

  start(): Promise<void> {
    return this.relay.start();
  }

  /** A request in flight: the engineer waits for its answer (see RelayKind.isBusy). */
  isBusy(): boolean {
    return this.inFlight.size > 0;
  }

  bytesIn(): number {
    return this.bytesInTotal;
  }

  bytesOut(): number {
    return this.bytesOutTotal;
  }

  /** The recording and the masking rules (both fail closed), then the target's settings and credential. */
  async connect(): Promise<boolean> {
    const { resource, session } = this.options;
    try {
      const recorder = await openSqlSessionRecorder({
        sessionId: this.relay.id,
        resourceId: resource.id,
        userId: session.userId,
        onFailure: (message) => queueMicrotask(() => this.relay.fail('recording_failed', message)),
        onBehind: (isBehind) => (isBehind ? this.flow.hold('recording') : this.flow.release('recording')),
      });
      this.recording = new HttpExchangeRecording(this.watch.tap(recorder));
      this.finishRecording = ({ reason, message, exitCode }) => recorder.finish({ reason, message, exitCode });
    } catch (error) {
      this.relay.log.error({ err: error }, 'cannot open its recording');
      this.relay.fail('recording_unavailable', 'Recording is unavailable, so the console cannot start.');
      return false;
    }
    try {
      this.masking = await loadSessionMasking(resource.id);
    } catch (error) {
      this.relay.log.error({ err: error }, 'cannot load its masking rules');
      this.relay.fail('masking_unavailable', 'The masking rules cannot be read, so the console cannot start.');
      return false;
    }
    const target = httpTargetFor(resource);
    if (this.relay.isEnded) return false;
    const { auth } = target;
    this.send({
      type: 'status',
      state: 'connected',
      info: { resourceName: resource.name, baseUrl: target.baseUrl, auth, bodyLimit: env().http.bodyRecordLimit },
    });
    return true;
  }

  onMessage(message: HttpClientMessage): void {
    if (message.type === 'cancel') return void this.inFlight.get(message.id)?.abort();
    if (message.type !== 'send') return;
    this.bytesInTotal += message.request.body.length;
    this.exchange(message.id, message.request).catch((error: unknown) => this.relay.crashed(error));
  }

  /** The recorded masker and the shown one (the same unless the resource masks the recording only). */
  private maskersFor(target: HttpTarget): { recorded: HttpMasker; shown: HttpMasker } {
    if (!this.masking) throw new Error('masking is not loaded');
    const injected = credentialHeader(target)?.[0] ?? null;
    const credentials = credentialForms(target);
    const recorded = createHttpMasker({ engine: this.masking.masker, credentials, injectedHeader: injected });
    if (this.masking.mode === 'view_and_recording') return { recorded, shown: recorded };
    return { recorded, shown: createHttpMasker({ engine: NO_DETECTORS, credentials, injectedHeader: injected }) };
  }

  private refuse(id: string, message: string): void {
    this.send({ type: 'exchange-error', id, message, durationMs: 0 });
  }

  private async exchange(id: string, request: HttpRequestInput): Promise<void> {
    if (this.relay.isEnded || !this.recording) return this.refuse(id, 'The console is not connected yet.');
    if (this.inFlight.has(id)) return this.refuse(id, 'A request with this id is already in flight.');
    if (this.inFlight.size >= MAX_HTTP_IN_FLIGHT)
      return this.refuse(id, `At most ${MAX_HTTP_IN_FLIGHT} requests may be in flight at once: wait for one to finish.`);
    const controller = new AbortController();
    this.inFlight.set(id, controller);
    try {
      await this.flow.waitForRoom();
      const resource = await checkHttpAccess(this.options.session.userId, this.options.resource.id, (end) => this.relay.end(end, CloseCode.Terminated));
      if (!resource || this.relay.isEnded) return;
      await this.sendRecorded(id, request, httpTargetFor(resource), controller.signal);
    } finally {
      this.inFlight.delete(id);
    }
  }

  /** Sent, masked, recorded, then shown: nothing reaches the browser that the recording lacks. */
  private async sendRecorded(id: string, request: HttpRequestInput, target: HttpTarget, signal: AbortSignal): Promise<void> {
    const recording = this.recording!;
    const { bodyRecordLimit: bodyLimit, timeoutMs } = env().http;
    const maskers = this.maskersFor(target);
    const n = this.exchangeCount++;
    const at = new Date();
    const t = recording.now();
    const started = performance.now();
    const recorded = requestView(maskers.recorded, target, request, { id, at, t, bodyLimit });
    if (!recording.request(n, recorded)) return;
    let answer: Parameters<typeof answeredView>[2];
    try {
      answer = { result: await sendHttpRequest(target, request, { bodyLimit, timeoutMs, signal }) };
    } catch (error) {
      answer = { error: this.explain(error), durationMs: performance.now() - started };
    }
    if (this.relay.isEnded) return;
    const answered = answeredView(maskers.recorded, recorded, answer);
    if (!recording.answer(n, answered)) return;
    if ('error' in answer) {
      const message = maskers.shown === maskers.recorded ? (answered.error ?? '') : maskers.shown.text(answer.error);
      return this.send({ type: 'exchange-error', id, message, durationMs: answered.durationMs });
    }
    const shown =
      maskers.shown === maskers.recorded
        ? answered
        : answeredView(maskers.shown, requestView(maskers.shown, target, request, { id, at, t, bodyLimit }), answer);
    this.bytesOutTotal += answered.response?.bodySize ?? 0;
    this.send({ type: 'exchange', id, exchange: shown });
  }

  /** A connector's or a refused request's message as it is; anything else is logged and said plainly. */
  private explain(error: unknown): string {
    if (error instanceof ConnectorError || error instanceof AppError) return error.userMessage;
    this.relay.log.error({ err: error }, 'http exchange failed');
    return 'Porthole could not send the request.';
  }

  private send(message: HttpServerMessage): void {
    this.relay.send(message);
  }

  /** Aborts what is in flight, tells the browser; the recording is sealed before the session row ends. */
  close({ reason, message, exitCode }: RelayEnd): { message: string; closed: Promise<void> } {
    for (const controller of this.inFlight.values()) controller.abort();
    this.send({ type: 'exit', reason, message });
    this.watch.close({ reason, message });
    return { message, closed: this.finishRecording({ reason, message, exitCode }) };
  }
}

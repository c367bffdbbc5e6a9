import { WebSocket } from 'ws';
import type { Resource, Session } from '@/db/schema';
import {
  MAX_SCRIPT_CHARS,
  scriptTooLongReason,
  sqlClientMessage,
  type JudgedStatementView,
  type SqlClientMessage,
  type SqlServerMessage,
} from '@/lib/protocol/sql-protocol';
import { loadSessionMasking } from '../masking/rules-store/load-masking';
import { BUILT_IN_COLUMN_MASKS, createCellMasker, type CellMasker } from '../sql/cell-masker';
import { classifyScript } from '../sql/classify-script';
import { loadPostgresParser } from '../sql/classify-postgres';
import { getSqlSettings, type EffectiveSqlSettings } from '../sql/get-sql-settings';
import { judgeScript, type JudgedStatement, type Verdict } from '../sql/judge-script';
import { openSqlConnection, type OpenSqlConnection } from '../sql/open-sql-connection';
import { createSqlReview } from '../sql/reviews/create-sql-review';
import { cancelSessionReviews } from '../sql/reviews/session-reviews';
import { HeldRuns, type HeldRun, type ReviewDecision } from './sql-held-runs';
import type { SqlConnection } from '../connectors/sql/sql-connection';
import { openSqlSessionRecorder, type SqlSessionRecorder } from '../sql/sql-session-recorder';
import { sqlTargetFor } from '../sql/sql-target';
import { CloseCode } from './protocol';
import { RelaySession, type RelayEnd, type RelayKind } from './relay-session';
import { sendSchemaTree } from './sql-schema-request';
import { SqlFlow } from '../relay/sql-flow';
import { toMaskedReviewStatements, toStatementViews } from './sql-session-masking';
import { SqlSessionWatch } from './sql-session-watch';
import { runStatement, type StatementRun } from './sql-statement-run';
import { findInvalidStatement, syntaxRefusal } from './sql-syntax-check';

export type SqlSessionOptions = {
  ws: WebSocket;
  session: Session;
  resource: Resource;
  /** When the grant the session runs in ends (the console counts down to it); null on open resources. */
  grantExpiresAt?: Date | null;
  openConnection?: OpenSqlConnection;
};

type Run = { id: string; script: string; editor: string };

/**
 * One browser SQL console relayed to one database connection. Every result page is masked,
 * then recorded, then sent; the next page is read from the database only when the browser
 * has room for it. Statement text, scripts, errors and notices are masked by the same engine
 * before they are recorded, indexed, stored in a review or sent back to the console.
 * The SQL kind of RelaySession: the relay owns the socket, heartbeat, acks and the way out.
 */
export class SqlSession implements RelayKind<SqlClientMessage> {
  readonly name = 'SQL console';
  readonly noun = 'console';
  readonly connectFailure = 'Could not connect to the database.';
  readonly inbound = sqlClientMessage;
  readonly relay: RelaySession<SqlClientMessage, SqlServerMessage>;
  readonly flow: SqlFlow;
  readonly watch = new SqlSessionWatch((names) => this.send({ type: 'watchers', names }));
  private connection: SqlConnection | undefined;
  private recorder: SqlSessionRecorder | undefined;
  private masker: CellMasker | undefined;
  private settings: EffectiveSqlSettings | undefined;
  /** `recording_only` masking: the engineer sees clear values, the recording keeps masked ones. */
  private isMaskingShown = true;
  private queue: Promise<void> = Promise.resolve();
  private current: { id: string; isCancelled: boolean; isTimedOut: boolean } | undefined;
  /** The statement running now, so a notice is filed under it. */
  private statementNow: { id: string; index: number } | undefined;
  private readonly held = new HeldRuns(
    (run, decision) => this.onReviewDecided(run, decision),
    () => this.isEnded,
  );
  private bytesInTotal = 0;

  constructor(private readonly options: SqlSessionOptions) {
    this.relay = new RelaySession(options, this);
    this.flow = new SqlFlow(() => options.ws.bufferedAmount);
  }

  /** A script running, or held for a reviewer: the engineer waits for it (see RelayKind.isBusy). */
  isBusy(): boolean {
    return this.current !== undefined || this.held.hasAny;
  }

  private get isEnded(): boolean {
    return this.relay.isEnded;
  }

  start(): Promise<void> {
    return this.relay.start();
  }

  /** Settings, recording and masking rules, then the database; false when the console cannot start. */
  async connect(): Promise<boolean> {
    const { resource, session } = this.options;
    try {
      this.settings = await getSqlSettings(resource);
      this.recorder = await openSqlSessionRecorder({
        sessionId: this.relay.id,
        resourceId: resource.id,
        userId: session.userId,
        onFailure: (message) => queueMicrotask(() => this.fail('recording_failed', message)),
        onBehind: (isBehind) => (isBehind ? this.flow.hold('recording') : this.flow.release('recording')),
      }).then(this.watch.tap);
    } catch (error) {
      this.relay.log.error({ err: error }, 'cannot open its recording');
      this.fail('recording_unavailable', 'Recording is unavailable, so the console cannot start.');
      return false;
    }
    try {
      const masking = await loadSessionMasking(resource.id);
      this.isMaskingShown = masking.mode === 'view_and_recording';
      this.masker = createCellMasker({ columnRules: [...this.settings.columnMasks, ...BUILT_IN_COLUMN_MASKS], engine: masking.masker });
    } catch (error) {
      // Fail closed: without the masking rules nothing may be shown or stored.
      this.relay.log.error({ err: error }, 'cannot load its masking rules');
      this.fail('masking_unavailable', 'The masking rules cannot be read, so the console cannot start.');
      return false;
    }
    // The PostgreSQL parser is WebAssembly: load it while connecting, not at the first run.
    if (resource.type === 'postgres') void loadPostgresParser();
    const connection = await (this.options.openConnection ?? openSqlConnection)(sqlTargetFor(resource, this.settings));
    if (this.isEnded) {
      void connection.close();
      return false;
    }
    this.connection = connection;
    connection.onLost((error) =>
      this.relay.end({ reason: 'target_closed', message: `The database connection was lost: ${error.message}`, exitCode: null }, CloseCode.SessionEnded),
    );
    connection.onNotice?.((message) => this.onNotice(message));
    this.send({
      type: 'status',
      state: 'connected',
      info: {
        dialect: connection.dialect,
        serverVersion: connection.serverVersion,
        database: resource.database ?? '',
        resourceName: resource.name,
        isReadOnly: connection.isReadOnly,
        rowCap: this.settings.rowCap,
        statementTimeoutMs: this.settings.statementTimeoutMs,
      },
    });
    return true;
  }

  bytesIn(): number {
    return this.bytesInTotal;
  }

  bytesOut(): number {
    return this.flow.sent;
  }

  readonly setWatching = this.watch.setWatching;
  /** Run, cancel and schema; the relay answers `ack` and `ping`. */
  onMessage(message: SqlClientMessage): void {
    switch (message.type) {
      case 'run':
        this.bytesInTotal += message.script.length;
        if (message.script.length > MAX_SCRIPT_CHARS) {
          return this.send({ type: 'blocked', id: message.id, reason: scriptTooLongReason(message.script.length), statements: [] });
        }
        return this.enqueue(() =>
          this.judgeAndRun({ id: message.id, script: message.script, editor: (message.editor ?? message.script).slice(0, MAX_SCRIPT_CHARS) }),
        );
      case 'cancel':
        return void this.cancel(message.id);
      case 'schema':
        return void this.sendSchema();
    }
  }

  /** Runs are served one at a time, in order, on the session's one connection. */
  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => {
      this.relay.log.error({ err: error }, 'run failed');
      this.fail('internal', 'Porthole hit an internal error and closed the console.');
    });
  }

  private async judgeAndRun(run: Run): Promise<void> {
    if (this.isEnded || !this.connection || !this.settings || !this.recorder) {
      return this.send({ type: 'error', code: 'not_connected', message: 'The console is not connected yet.' });
    }
    const maskedScript = this.mask(run.script);
    if (!this.recorder.record({ sql: 'run', id: run.id, script: maskedScript, editor: run.editor === run.script ? maskedScript : this.mask(run.editor) }))
      return;
    const statements = await classifyScript(run.script, this.connection.dialect);
    const verdict = judgeScript(statements, this.settings, this.connection.dialect);
    const views = this.views(verdict.statements);
    const script = this.shown(run.script, maskedScript);
    // A reason quotes the statement it is about.
    const maskedReason = this.mask(verdict.reason);
    const reason = this.shown(verdict.reason, maskedReason);
    if (verdict.syntaxError) return this.refuseSyntax(run.id, verdict.statements, verdict.syntaxError);
    const invalid = await findInvalidStatement(this.connection, verdict.statements);
    if (invalid) return this.refuseSyntax(run.id, verdict.statements, invalid);
    if (verdict.action === 'block') {
      this.recorder.record({ sql: 'verdict', id: run.id, action: 'block', reason: maskedReason, reviewId: null });
      return this.send({ type: 'blocked', id: run.id, reason, statements: views, script });
    }
    if (verdict.action === 'review') {
      const { resource, session } = this.options;
      const reviewId = await createSqlReview({
        sessionId: this.relay.id,
        requesterId: session.userId,
        resource: { id: resource.id, name: resource.name },
        // The approver reads the masked text; the console keeps the typed one and runs it once approved.
        script: maskedScript,
        statements: toMaskedReviewStatements(verdict.statements, (text) => this.mask(text)),
        reason: maskedReason,
      });
      this.recorder.record({ sql: 'verdict', id: run.id, action: 'review', reason: maskedReason, reviewId });
      this.held.hold({ reviewId, runId: run.id, statements: verdict.statements });
      return this.send({ type: 'held', id: run.id, reviewId, reason, statements: views, script });
    }
    await this.runStatements(run.id, verdict.statements, script);
  }

  /** Reported like the server's own syntax error, at its place in the script; nothing ran. */
  private refuseSyntax(id: string, statements: JudgedStatement[], error: NonNullable<Verdict['syntaxError']>): void {
    this.send({ type: 'run', id, statements: this.views(statements) });
    const { result, clearMessage } = syntaxRefusal(id, statements, error, (text) => this.mask(text));
    if (!this.recorder?.record(result)) return;
    const { code, message, position } = result.error;
    this.send({ type: 'statement_error', id, index: error.index, code, message: this.shown(clearMessage, message), position, durationMs: 0 });
    if (this.recorder.record({ sql: 'finished', id, status: 'error', durationMs: 0 })) this.send({ type: 'finished', id, status: 'error', durationMs: 0 });
  }

  /** A held script's review decided: recorded, sent, and an approved script queued to run. */
  private onReviewDecided(run: HeldRun, decision: ReviewDecision): boolean {
    if (!this.recorder?.record(decision)) return false;
    this.send({ type: 'review', ...decision });
    if (decision.status === 'approved') this.enqueue(() => this.runStatements(run.runId, run.statements));
    return true;
  }

  private async runStatements(id: string, statements: JudgedStatement[], script?: string): Promise<void> {
    const started = performance.now();
    this.current = { id, isCancelled: false, isTimedOut: false };
    this.send({ type: 'run', id, statements: this.views(statements), ...(script === undefined ? {} : { script }) });
    let status: 'ok' | 'error' | 'cancelled' = 'ok';
    for (let index = 0; index < statements.length; index++) {
      if (this.isEnded) return;
      if (this.current.isCancelled) {
        status = 'cancelled';
        break;
      }
      const isOk = await runStatement(this.statementRun(), id, index, statements[index]!);
      if (!isOk) {
        status = this.current.isCancelled && !this.current.isTimedOut ? 'cancelled' : 'error';
        break;
      }
    }
    const durationMs = Math.round(performance.now() - started);
    this.current = undefined;
    if (this.recorder?.record({ sql: 'finished', id, status, durationMs })) this.send({ type: 'finished', id, status, durationMs });
  }

  /** What one statement run needs of this session; read when each statement starts. */
  private statementRun(): StatementRun {
    return {
      sessionId: this.relay.id,
      connection: this.connection!,
      recorder: this.recorder!,
      masker: this.masker!,
      settings: this.settings!,
      isMaskingShown: () => this.isMaskingShown,
      isEnded: () => this.isEnded,
      isTimedOut: () => this.current?.isTimedOut ?? false,
      markTimedOut: () => {
        if (this.current) this.current.isTimedOut = true;
      },
      setStatementNow: (at) => (this.statementNow = at),
      send: (message) => this.send(message),
      sendRows: (id, index, rows, masked) => this.sendRows(id, index, rows, masked),
      waitForRoom: () => this.flow.waitForRoom(),
    };
  }

  private async cancel(id: string): Promise<void> {
    const held = this.held.find(id);
    if (held) {
      const decision = await this.held.withdraw(held, this.relay.userId);
      if (decision && this.recorder?.record(decision)) this.send({ type: 'review', ...decision });
      return;
    }
    if (!this.current || this.current.id !== id || !this.connection) return;
    this.current.isCancelled = true;
    await this.connection.cancel();
  }

  private async sendSchema(): Promise<void> {
    if (!this.settings) return;
    await sendSchemaTree(this.options.resource, this.settings, this.options.openConnection ?? openSqlConnection, (message) => this.send(message));
  }

  /** Masked text for the recording, the index and reviews; fails closed when the masker is not ready. */
  private mask(text: string): string {
    if (!this.masker) throw new Error('masking is not loaded');
    return this.masker.maskText(text);
  }

  /** What the engineer sees: masked, unless the resource masks the recording only. */
  private shown(clear: string, masked: string): string {
    return this.isMaskingShown ? masked : clear;
  }

  private views(statements: JudgedStatement[]): JudgedStatementView[] {
    return toStatementViews(statements, this.isMaskingShown, (text) => this.mask(text));
  }

  /** A notice (`RAISE NOTICE`, a warning): masked, filed under the running statement, recorded, then shown. */
  private onNotice(notice: string): void {
    const at = this.statementNow;
    if (this.isEnded || !at || !this.masker) return;
    const message = this.masker.maskText(notice);
    if (this.recorder?.record({ sql: 'notice', id: at.id, index: at.index, message }))
      this.send({ type: 'notice', id: at.id, index: at.index, message: this.shown(notice, message) });
  }

  private sendRows(id: string, index: number, rows: (string | null)[][], masked: number[]): void {
    const { ws } = this.options;
    if (ws.readyState !== WebSocket.OPEN) return;
    const frame = JSON.stringify({ type: 'rows', id, index, rows, masked } satisfies SqlServerMessage);
    this.flow.onSend(frame.length);
    ws.send(frame, () => this.flow.onFlushed());
  }

  private send(message: SqlServerMessage): void {
    this.relay.send(message);
  }

  private fail(code: string, message: string, closeCode: CloseCode = CloseCode.Internal): void {
    this.relay.fail(code, message, closeCode);
  }

  /** Stops the statement and the database, tells the browser; the recording is sealed before the session row ends. */
  close({ reason, message, exitCode }: RelayEnd): { message: string; closed: Promise<void> } {
    this.held.stop();
    const connection = this.connection;
    const stopDatabase = (async () => {
      if (this.current) await connection?.cancel().catch(() => false);
      await connection?.close().catch(() => undefined);
    })();
    // A driver's message may quote what the server said: it is masked like any other text.
    message = this.masker ? this.masker.maskText(message) : message;
    this.send({ type: 'exit', reason, message });
    this.watch.close({ reason, message });
    const closed = (async () => {
      await stopDatabase;
      await cancelSessionReviews(this.relay.id).catch(() => undefined);
      await this.recorder?.finish({ reason, message, exitCode });
    })();
    return { message, closed };
  }
}

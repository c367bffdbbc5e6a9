import type { SqlColumnView } from '@/lib/protocol/sql-protocol';
import type { JudgedStatement } from '../sql/judge-script';
import type { ColumnReferences, SqlColumn, SqlConnection } from '../connectors/sql/sql-connection';
import { SqlError } from '../connectors/sql/sql-error';
import { statementReferences } from '../connectors/sql/statement-references';
import { toColumnViews } from './sql-session-masking';
import { StatementPages } from './sql-statement-pages';
import type { StatementRun } from './sql-statement-run-context';

export type { StatementRun } from './sql-statement-run-context';
import { log } from '../log/logger';

/** First page small, so the first rows show at once; later pages larger, for throughput. */
const FIRST_PAGE_ROWS = 200;
const PAGE_ROWS = 2000;
/** How long past the server-side limit Porthole waits before it cancels the statement itself. */
const TIMEOUT_GRACE_MS = 2000;

/** One statement: pages read, then each masked, recorded and sent (StatementPages), until done, the row cap, or an error. */
export async function runStatement(run: StatementRun, id: string, index: number, statement: JudgedStatement): Promise<boolean> {
  const { connection, recorder, masker, settings } = run;
  const text = masker.maskText(statement.text);
  const commandSeq = recorder.command(recorder.now(), text);
  if (!recorder.record({ sql: 'statement', id, index, text })) return false;
  const started = performance.now();
  const pages = new StatementPages(run, id, index);
  let isTruncated = false;
  let timer: NodeJS.Timeout | undefined;
  let command: string | undefined;
  run.setStatementNow({ id, index });
  try {
    const cursor = connection.execute(statement.text);
    timer = startTimeLimit(run);
    // One page is read ahead while the last one is masked, recorded and sent: the database and
    // the browser work at the same time, and at most two pages are in the gateway.
    const readPage = (rows: number) => {
      const promise = cursor.read(Math.min(rows, settings.rowCap - pages.rowCount + 1));
      promise.catch(() => undefined);
      return promise;
    };
    let next = readPage(FIRST_PAGE_ROWS);
    for (;;) {
      const page = await next;
      if (!page.isDone && pages.rowCount + page.rows.length < settings.rowCap) next = readPage(PAGE_ROWS);
      if (run.isEnded()) return false;
      let columns: SqlColumnView[] | undefined;
      if (page.columns) {
        const references = await statementReadsOf(connection, statement.text, page.columns).catch(async (error: unknown) => {
          // Without knowing what the statement reads, its rows are not shown: it stops here.
          await next.catch(() => undefined);
          await cursor.close().catch(() => undefined);
          throw error;
        });
        if (run.isEnded()) return false;
        columns = toColumnViews(page.columns, masker.forColumns(page.columns, references));
      }
      let rows = page.rows;
      if (pages.rowCount + rows.length > settings.rowCap) {
        rows = rows.slice(0, settings.rowCap - pages.rowCount);
        isTruncated = true;
      }
      if (!pages.relay(columns, rows)) return false;
      if (rows.length > 0) await run.waitForRoom();
      if (isTruncated) {
        clearTimeout(timer);
        await cursor.close();
        break;
      }
      if (page.isDone) {
        if (page.rowCount !== null && page.rowCount !== undefined && pages.columns.length === 0) pages.rowCount = page.rowCount;
        command = page.command || statement.keyword;
        break;
      }
    }
    clearTimeout(timer);
    run.setStatementNow(undefined);
    const durationMs = Math.round(performance.now() - started);
    const resultCommand = command ?? statement.keyword;
    const { rowCount } = pages;
    if (!recorder.record({ sql: 'result', id, index, ...resultOf(pages, resultCommand, durationMs, isTruncated), error: null })) return false;
    recorder.commandEnded(commandSeq, { durationMs, error: null, rowCount });
    run.send({ type: 'done', id, index, command: resultCommand, rowCount, durationMs, isTruncated });
    return true;
  } catch (error) {
    clearTimeout(timer);
    run.setStatementNow(undefined);
    reportFailure(run, { id, index, statement, commandSeq, durationMs: Math.round(performance.now() - started) }, pages, isTruncated, error);
    return false;
  }
}

/** Porthole cancels a statement past the resource's limit itself (MySQL's limit covers SELECT only). */
function startTimeLimit(run: StatementRun): NodeJS.Timeout | undefined {
  if (run.settings.statementTimeoutMs <= 0) return undefined;
  return setTimeout(() => {
    run.markTimedOut();
    void run.connection.cancel();
  }, run.settings.statementTimeoutMs + TIMEOUT_GRACE_MS);
}

/** A failed statement: its error (masked) and the rows it had sent are recorded, then shown. */
function reportFailure(
  run: StatementRun,
  at: { id: string; index: number; statement: JudgedStatement; commandSeq: number; durationMs: number },
  pages: StatementPages,
  isTruncated: boolean,
  error: unknown,
): void {
  const { id, index, statement, durationMs } = at;
  const { masker, recorder } = run;
  const problem = toStatementError(error, run.isTimedOut(), run.sessionId, (text) => masker.maskText(text));
  const position = problem.position === null ? null : statement.start + problem.position;
  // Servers quote values in errors (`invalid input syntax for type integer: "ghp_…"`).
  const message = masker.maskText(problem.userMessage);
  const result = resultOf(pages, statement.keyword, durationMs, isTruncated);
  recorder.record({ sql: 'result', id, index, ...result, error: { code: problem.code, message, position } });
  recorder.commandEnded(at.commandSeq, { durationMs, error: message, errorCode: problem.code });
  run.send({ type: 'statement_error', id, index, code: problem.code, message: run.isMaskingShown() ? message : problem.userMessage, position, durationMs });
}

/** The result event's figures; the kept rows are in the statement's page events, recorded once (lib/sql/statement-rows.ts). */
function resultOf(pages: StatementPages, command: string, durationMs: number, isTruncated: boolean) {
  const { columns, kept, rowCount } = pages;
  const omittedRows = columns.length > 0 ? Math.max(0, rowCount - kept.length) : 0;
  return { command, columns, rows: [], masked: [], rowCount, durationMs, isTruncated, omittedRows };
}

/**
 * The columns a statement reads, for fields with no trustworthy source: what it names, and
 * what the views it names read (an expression over a view's column names only the view's).
 */
async function statementReadsOf(connection: SqlConnection, statement: string, columns: readonly SqlColumn[]): Promise<ColumnReferences> {
  const named = statementReferences(statement, connection.dialect);
  if (named.isOpaque || !columns.some((column) => column.source === null) || !connection.readsOfViews) return named;
  const views = await connection.readsOfViews([...named.relations, ...named.columns.filter((name) => !name.includes('.'))]);
  if (!views) return named;
  return { columns: [...named.columns, ...views.columns], relations: [...named.relations, ...views.relations], isOpaque: views.isOpaque };
}

function toStatementError(error: unknown, isTimedOut: boolean, sessionId: string, mask: (text: string) => string): SqlError {
  if (error instanceof SqlError) {
    if (isTimedOut && error.code === 'cancelled')
      return new SqlError('timeout', 'The statement ran past the time limit of this resource and was stopped.', { serverCode: error.serverCode });
    return error;
  }
  log().error({ sessionId, detail: mask(error instanceof Error ? (error.stack ?? error.message) : String(error)) }, 'statement failed');
  return new SqlError('query_failed', error instanceof Error ? error.message : 'The statement failed.');
}

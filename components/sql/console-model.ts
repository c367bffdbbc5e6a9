import { toCsv } from '@/lib/csv/csv';
import type { JudgedStatementView, SqlColumnView, SqlServerMessage } from '@/lib/protocol/sql-protocol';

/**
 * What the console knows about its runs, updated in place from server messages (a 100,000-row
 * result is appended page by page, never copied); `version` tells React something changed.
 */
export type ResultSet = {
  index: number;
  statement: string;
  columns: SqlColumnView[];
  rows: (string | null)[][];
  /** Masked cells as `row * columnCount + column`. */
  masked: Set<number>;
  command?: string;
  rowCount?: number | null;
  durationMs?: number;
  isTruncated?: boolean;
  error?: { code: string; message: string; position: number | null };
  /** Server notices while it ran (`RAISE NOTICE`), masked by the gateway. */
  notices?: string[];
};

export type RunStatus = 'running' | 'held' | 'blocked' | 'denied' | 'ok' | 'error' | 'cancelled';

export type RunState = {
  id: string;
  /** What history shows: the typed script until the gateway answers with its masked copy. */
  script: string;
  /** Where the script starts in the editor, to place error markers. */
  editorOffset: number;
  startedAt: number;
  status: RunStatus;
  statements: JudgedStatementView[];
  results: ResultSet[];
  reason?: string;
  reviewId?: string;
  review?: { status: 'approved' | 'denied' | 'cancelled'; decider: string | null; comment: string | null };
  durationMs?: number;
};

export class ConsoleModel {
  readonly runs: RunState[] = [];
  version = 0;

  start(id: string, script: string, editorOffset: number): RunState {
    const run: RunState = { id, script, editorOffset, startedAt: Date.now(), status: 'running', statements: [], results: [] };
    this.runs.push(run);
    this.version++;
    return run;
  }

  find(id: string): RunState | undefined {
    for (let i = this.runs.length - 1; i >= 0; i--) if (this.runs[i]!.id === id) return this.runs[i];
    return undefined;
  }

  /** Applies one server message; returns true when something visible changed. */
  apply(message: SqlServerMessage): boolean {
    if (!('id' in message)) return false;
    const run = this.find(message.id);
    if (!run) return false;
    switch (message.type) {
      case 'run':
        run.status = 'running';
        run.statements = message.statements;
        run.results = [];
        if (message.script !== undefined) run.script = message.script;
        break;
      case 'blocked':
        run.status = 'blocked';
        run.reason = message.reason;
        run.statements = message.statements;
        if (message.script !== undefined) run.script = message.script;
        break;
      case 'held':
        run.status = 'held';
        run.reason = message.reason;
        run.reviewId = message.reviewId;
        run.statements = message.statements;
        if (message.script !== undefined) run.script = message.script;
        break;
      case 'notice':
        (this.result(run, message.index).notices ??= []).push(message.message);
        break;
      case 'review':
        run.review = { status: message.status, decider: message.decider, comment: message.comment };
        if (message.status !== 'approved') run.status = 'denied';
        break;
      case 'columns':
        this.result(run, message.index).columns = message.columns;
        break;
      case 'rows': {
        const set = this.result(run, message.index);
        const base = set.rows.length;
        const width = set.columns.length;
        for (let i = 0; i < message.masked.length; i += 2) set.masked.add((base + message.masked[i]!) * width + message.masked[i + 1]!);
        for (const row of message.rows) set.rows.push(row);
        break;
      }
      case 'done': {
        const set = this.result(run, message.index);
        set.command = message.command;
        set.rowCount = message.rowCount;
        set.durationMs = message.durationMs;
        set.isTruncated = message.isTruncated;
        break;
      }
      case 'statement_error': {
        const set = this.result(run, message.index);
        set.error = { code: message.code, message: message.message, position: message.position };
        set.durationMs = message.durationMs;
        break;
      }
      case 'finished':
        run.status = message.status;
        run.durationMs = message.durationMs;
        break;
      default:
        return false;
    }
    this.version++;
    return true;
  }

  private result(run: RunState, index: number): ResultSet {
    let set = run.results.find((r) => r.index === index);
    if (!set) {
      set = { index, statement: run.statements[index]?.text ?? '', columns: [], rows: [], masked: new Set() };
      run.results.push(set);
      run.results.sort((a, b) => a.index - b.index);
    }
    return set;
  }
}

/**
 * What a stopped run left out, in words: a script stops at the first statement that fails or is
 * cancelled, and those after it never run (the ones before it ran, each on its own). Undefined
 * when every statement ran or the run has not stopped.
 */
export function statementsNotRun(run: Pick<RunState, 'status' | 'statements' | 'results'>): string | undefined {
  if (run.status !== 'error' && run.status !== 'cancelled') return undefined;
  const total = run.statements.length;
  const reached = run.results.reduce((last, set) => Math.max(last, set.index + 1), 0);
  if (reached >= total) return undefined;
  const first = reached + 1;
  if (first === total) return `Statement ${total} of ${total} did not run.`;
  return `Statements ${first}${total - first === 1 ? ' and ' : '–'}${total} of ${total} did not run.`;
}

/** CSV of a result as displayed (masked values included, NULL as empty), safe to open in a spreadsheet. */
export function resultToCsv(set: Pick<ResultSet, 'columns' | 'rows'>): string {
  return toCsv(
    set.columns.map((c) => c.name),
    set.rows,
  );
}

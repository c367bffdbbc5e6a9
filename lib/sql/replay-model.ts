import { decodeSqlEvent, type SqlEvent } from './sql-events';
import { StatementRows } from './statement-rows';

/**
 * A recorded SQL session as the replay needs it: the runs with their statements and results,
 * each at its time, so the screen at any moment (editor text, result grids) is a lookup. A
 * result's rows come from its statement's pages (lib/sql/statement-rows.ts).
 */
export type ReplayResult = Extract<SqlEvent, { sql: 'result' }> & { t: number };
export type ReplayStatement = { t: number; runId: string; index: number; text: string; result?: ReplayResult; notices?: string[] };
export type ReplayRun = {
  id: string;
  t: number;
  editor: string;
  script: string;
  statements: ReplayStatement[];
  verdict?: { action: 'review' | 'block'; reason: string; t: number };
  review?: { status: 'approved' | 'denied' | 'cancelled'; decider: string | null; comment: string | null; t: number };
  finished?: { status: 'ok' | 'error' | 'cancelled'; durationMs: number; t: number };
};

/**
 * One line of the replay's statement list and timeline: a statement that ran, or a moment of
 * a held run (held, blocked, then approved, denied or withdrawn), with its script.
 */
export type ReplayEntry =
  | { kind: 'statement'; t: number; runId: string; statement: ReplayStatement; number: number }
  | { kind: 'held' | 'blocked'; t: number; runId: string; text: string; reason: string }
  | { kind: 'approved' | 'denied' | 'withdrawn'; t: number; runId: string; text: string; decider: string | null; comment: string | null };

export type SqlReplayModel = { runs: ReplayRun[]; statements: ReplayStatement[]; entries: ReplayEntry[] };

export function buildReplayModel(events: readonly [number, string, string][]): SqlReplayModel {
  const runs: ReplayRun[] = [];
  const byId = new Map<string, ReplayRun>();
  const statementRows = new StatementRows();
  for (const [t, kind, data] of events) {
    if (kind !== 'm') continue;
    const event = decodeSqlEvent(data);
    if (!event) continue;
    const withRows = statementRows.add(event);
    if (event.sql === 'run') {
      const run: ReplayRun = { id: event.id, t, editor: event.editor, script: event.script, statements: [] };
      runs.push(run);
      byId.set(event.id, run);
      continue;
    }
    const run = byId.get(event.id);
    if (!run) continue;
    switch (event.sql) {
      case 'verdict':
        run.verdict = { action: event.action, reason: event.reason, t };
        break;
      case 'review':
        run.review = { status: event.status, decider: event.decider, comment: event.comment, t };
        break;
      case 'statement':
        run.statements.push({ t, runId: run.id, index: event.index, text: event.text });
        break;
      case 'result': {
        const result = { ...(withRows ?? event), t };
        const statement = run.statements.find((s) => s.index === event.index);
        // A syntax error found before anything ran has no statement event: it still shows.
        if (statement) statement.result = result;
        else run.statements.push({ t, runId: run.id, index: event.index, text: run.script, result });
        break;
      }
      case 'notice': {
        const statement = run.statements.find((s) => s.index === event.index);
        if (statement) (statement.notices ??= []).push(event.message);
        break;
      }
      case 'finished':
        run.finished = { status: event.status, durationMs: event.durationMs, t };
        break;
    }
  }
  return { runs, statements: runs.flatMap((run) => run.statements), entries: entriesOf(runs) };
}

const DECISIONS = { approved: 'approved', denied: 'denied', cancelled: 'withdrawn' } as const;

/** Statements and review moments in time order (a run's held moment comes before what it ran). */
function entriesOf(runs: ReplayRun[]): ReplayEntry[] {
  const entries: ReplayEntry[] = [];
  let number = 0;
  for (const run of runs) {
    if (run.verdict) {
      const kind = run.verdict.action === 'block' ? 'blocked' : 'held';
      entries.push({ kind, t: run.verdict.t, runId: run.id, text: run.script, reason: run.verdict.reason });
    }
    if (run.review) {
      const { status, decider, comment, t } = run.review;
      const kind = DECISIONS[status];
      entries.push({ kind, t, runId: run.id, text: run.script, decider, comment });
    }
    for (const statement of run.statements) entries.push({ kind: 'statement', t: statement.t, runId: run.id, statement, number: ++number });
  }
  // Stable: equal times keep the run's order (held, decided, then its statements).
  return entries.sort((a, b) => a.t - b.t);
}

/** The run on screen at time `t`: the last one started at or before it. */
export function runAt(model: SqlReplayModel, t: number): ReplayRun | undefined {
  let found: ReplayRun | undefined;
  for (const run of model.runs) if (run.t <= t + 1e-9) found = run;
  return found;
}

/** The results of a run that had arrived by time `t`. */
export function resultsAt(run: ReplayRun, t: number): ReplayResult[] {
  return run.statements.flatMap((s) => (s.result && s.result.t <= t + 1e-9 ? [s.result] : []));
}

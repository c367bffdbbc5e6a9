import { formatCount } from '@/lib/format/count';
import { formatMilliseconds } from '@/lib/format/duration';
import { decodeSqlEvent, type SqlEvent } from '@/lib/sql/sql-events';

/**
 * A recorded SQL session as the replay needs it: the runs with their statements and results,
 * each at its time, so the screen at any moment (editor text, result grids) is a lookup.
 */
export type ReplayResult = Extract<SqlEvent, { sql: 'result' }> & { t: number };
export type ReplayStatement = { t: number; runId: string; index: number; text: string; result?: ReplayResult; notices?: string[] };
export type ReplayRun = {
  id: string;
  t: number;
  editor: string;
  script: string;
  statements: ReplayStatement[];
  verdict?: { action: 'review' | 'block'; reason: string };
  review?: { status: string; decider: string | null; comment: string | null; t: number };
  finished?: { status: 'ok' | 'error' | 'cancelled'; durationMs: number; t: number };
};

export type SqlReplayModel = { runs: ReplayRun[]; statements: ReplayStatement[] };

export function buildReplayModel(events: readonly [number, string, string][]): SqlReplayModel {
  const runs: ReplayRun[] = [];
  const byId = new Map<string, ReplayRun>();
  for (const [t, kind, data] of events) {
    if (kind !== 'm') continue;
    const event = decodeSqlEvent(data);
    if (!event) continue;
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
        run.verdict = { action: event.action, reason: event.reason };
        break;
      case 'review':
        run.review = { status: event.status, decider: event.decider, comment: event.comment, t };
        break;
      case 'statement':
        run.statements.push({ t, runId: run.id, index: event.index, text: event.text });
        break;
      case 'result': {
        const statement = run.statements.find((s) => s.index === event.index);
        // A syntax error found before anything ran has no statement event: it still shows.
        if (statement) statement.result = { ...event, t };
        else run.statements.push({ t, runId: run.id, index: event.index, text: run.script, result: { ...event, t } });
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
  return { runs, statements: runs.flatMap((run) => run.statements) };
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

/** `.sql` export: every statement with its outcome and first rows as comments. */
export function toSqlScript(model: SqlReplayModel, header: string): string {
  const lines = [`-- ${header}`, ''];
  for (const run of model.runs) {
    if (run.verdict) lines.push(`-- ${run.verdict.action === 'block' ? 'Blocked' : 'Held for review'}: ${run.verdict.reason}`);
    if (run.review)
      lines.push(
        `-- Review ${run.review.status}${run.review.decider ? ` by ${run.review.decider}` : ''}${run.review.comment ? `: ${run.review.comment}` : ''}`,
      );
    const statements = run.statements.length > 0 ? run.statements : run.verdict ? [{ text: run.script, t: run.t } as ReplayStatement] : [];
    for (const statement of statements) {
      lines.push(`-- at ${statement.t.toFixed(3)} s`);
      lines.push(`${statement.text.trimEnd()};`);
      for (const notice of statement.notices ?? []) lines.push(`-- ${notice.replace(/\n/g, ' ')}`);
      const result = statement.result;
      if (!result) {
        lines.push('');
        continue;
      }
      if (result.error) lines.push(`-- ERROR (${result.error.code}): ${result.error.message.replace(/\n/g, ' ')}`);
      else if (result.columns.length > 0) {
        lines.push(
          `-- ${formatCount(result.rowCount ?? result.rows.length, 'row')} in ${formatMilliseconds(result.durationMs)}${result.isTruncated ? ' (truncated at the row limit)' : ''}`,
        );
        lines.push(`-- ${result.columns.map((c) => c.name).join(' | ')}`);
        for (const row of result.rows) lines.push(`-- ${row.map((v) => (v === null ? 'NULL' : v.replace(/\n/g, '\\n'))).join(' | ')}`);
        if (result.omittedRows > 0) lines.push(`-- … ${formatCount(result.omittedRows, 'more row')} not kept in the recording`);
      } else lines.push(`-- ${result.command}${result.rowCount !== null ? ` ${result.rowCount}` : ''} in ${formatMilliseconds(result.durationMs)}`);
      lines.push('');
    }
  }
  return `${lines.join('\n')}\n`;
}

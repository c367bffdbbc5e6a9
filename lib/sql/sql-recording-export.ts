import { toCsv } from '../csv/csv';
import { formatCount } from '../format/count';
import { formatMilliseconds } from '../format/duration';
import type { ReplayEntry, ReplayResult, ReplayStatement, SqlReplayModel } from './replay-model';

/**
 * The downloads of a SQL recording, built from its recorded events (masked as recorded): a
 * `.sql` script, a JSON document and CSV of the results. Pure, so the server streams them and
 * tests read them without a browser.
 */
export type SqlExportHeader = { title: string; startedAt: string };

const oneLine = (text: string) => text.replace(/\r?\n/g, ' ');

/** The moment as wall-clock time (UTC) and as seconds into the session. */
function when(header: SqlExportHeader, t: number): string {
  const at = new Date(new Date(header.startedAt).getTime() + t * 1000).toISOString().replace('T', ' ').slice(0, 23);
  return `${at} UTC (+${t.toFixed(3)} s)`;
}

function outcome(result: ReplayResult | undefined): string {
  if (!result) return 'no result recorded';
  if (result.error) return `${formatMilliseconds(result.durationMs)} · failed`;
  const rows = result.rowCount ?? result.rows.length;
  const count = result.columns.length > 0 ? formatCount(rows, 'row') : `${result.command}${result.rowCount !== null ? ` ${result.rowCount}` : ''}`;
  return `${formatMilliseconds(result.durationMs)} · ${count}${result.isTruncated ? ' (truncated at the row limit)' : ''}`;
}

function statementLines(header: SqlExportHeader, entry: Extract<ReplayEntry, { kind: 'statement' }>): string[] {
  const { statement } = entry;
  const result = statement.result;
  const lines = [`-- #${entry.number} · ${when(header, statement.t)} · ${outcome(result)}`, `${statement.text.trimEnd()};`];
  if (result?.error) lines.push(`-- ERROR (${result.error.code}): ${oneLine(result.error.message)}`);
  for (const notice of statement.notices ?? []) lines.push(`-- ${oneLine(notice)}`);
  if (result && !result.error && result.columns.length > 0) {
    lines.push(`-- ${result.columns.map((c) => c.name).join(' | ')}`);
    for (const row of result.rows) lines.push(`-- ${row.map((v) => (v === null ? 'NULL' : v.replace(/\n/g, '\\n'))).join(' | ')}`);
    if (result.omittedRows > 0) lines.push(`-- … ${formatCount(result.omittedRows, 'more row')} not kept in the recording`);
  }
  return lines;
}

/** A held or blocked script never ran as held: it is written as comments, so running the file cannot run it. */
function reviewLines(header: SqlExportHeader, entry: Exclude<ReplayEntry, { kind: 'statement' }>): string[] {
  const moment = `-- ${when(header, entry.t)} · `;
  if ('reason' in entry) {
    const what = entry.kind === 'held' ? 'Held for review' : 'Blocked';
    return [
      `${moment}${what}: ${oneLine(entry.reason)}`,
      ...entry.text
        .trimEnd()
        .split(/\r?\n/)
        .map((line) => `--   ${line}`),
    ];
  }
  const by = entry.decider ? ` by ${entry.decider}` : '';
  const note = entry.comment ? `: ${oneLine(entry.comment)}` : '';
  const what = entry.kind === 'approved' ? 'Approved (it runs below)' : entry.kind === 'denied' ? 'Denied (it did not run)' : 'Withdrawn (it did not run)';
  return [`${moment}${what}${by}${note}`];
}

/** `.sql`: every statement in order with its time, duration, rows or error as comments. */
export function toSqlScript(model: SqlReplayModel, header: SqlExportHeader): string {
  const lines = [`-- ${oneLine(header.title)}`, `-- Recorded by Porthole; values masked as recorded.`, ''];
  for (const entry of model.entries) {
    lines.push(...(entry.kind === 'statement' ? statementLines(header, entry) : reviewLines(header, entry)), '');
  }
  if (model.entries.length === 0) lines.push('-- No statement was run in this session.');
  return `${lines.join('\n')}\n`;
}

/** JSON: the runs in order, each with its review and its statements' results. */
export function toSqlJson(model: SqlReplayModel) {
  let number = 0;
  return model.runs.map((run) => ({
    t: run.t,
    script: run.script,
    verdict: run.verdict ?? null,
    review: run.review ? { ...run.review, status: run.review.status === 'cancelled' ? 'withdrawn' : run.review.status } : null,
    finished: run.finished ?? null,
    statements: run.statements.map((s) => ({ number: ++number, t: s.t, text: s.text, notices: s.notices ?? [], result: resultJson(s) })),
  }));
}

function resultJson({ result }: ReplayStatement) {
  if (!result) return null;
  const { command, columns, rows, rowCount, durationMs, isTruncated, omittedRows, error } = result;
  return { t: result.t, command, columns, rows, rowCount, durationMs, isTruncated, omittedRows, error };
}

/**
 * CSV of results. One statement (`number`, from 1): its columns and rows. All: one table with
 * the statement's number and text first, then every column any result had (by name, in
 * order of appearance; blank where a result had no such column), so a spreadsheet opens it.
 */
export function toResultsCsv(model: SqlReplayModel, number?: number): string | undefined {
  if (number !== undefined) {
    const result = model.statements[number - 1]?.result;
    if (!result || result.error || result.columns.length === 0) return undefined;
    return toCsv(
      result.columns.map((c) => c.name),
      result.rows,
    );
  }
  const header: string[] = [];
  const tables = model.statements.flatMap((statement, i) => {
    const result = statement.result;
    if (!result || result.error || result.columns.length === 0) return [];
    // A name repeated in one result (a join's two `id`s) is a second column, not the same one.
    const seen = new Map<string, number>();
    const slots = result.columns.map(({ name }) => {
      const nth = (seen.get(name) ?? 0) + 1;
      seen.set(name, nth);
      const key = nth === 1 ? name : `${name} (${nth})`;
      if (!header.includes(key)) header.push(key);
      return header.indexOf(key);
    });
    return [{ number: i + 1, text: statement.text, slots, rows: result.rows }];
  });
  const rows = tables.flatMap(({ number: n, text, slots, rows: cells }) =>
    cells.map((row) => {
      const line: (string | null)[] = new Array<string | null>(header.length).fill(null);
      row.forEach((value, c) => (line[slots[c]!] = value));
      return [String(n), text, ...line];
    }),
  );
  return toCsv(['statement', 'query', ...header], rows);
}

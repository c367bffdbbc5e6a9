import { describe, expect, it } from 'vitest';
import { encodeSqlEvent, type SqlEventInput } from '@/lib/sql/sql-events';
import { resultToCsv } from './console-model';
import { buildReplayModel, resultsAt, runAt, toSqlScript } from './replay-model';

const m = (t: number, event: SqlEventInput): [number, string, string] => [t, 'm', encodeSqlEvent(event)];
const result = (
  index: number,
  rows: (string | null)[][],
  extra: Partial<Extract<SqlEventInput, { sql: 'result' }>> = {},
): Extract<SqlEventInput, { sql: 'result' }> => ({
  sql: 'result',
  id: 'a',
  index,
  command: 'SELECT',
  columns: [{ name: 'x', type: 'int4' }],
  rows,
  masked: [],
  rowCount: rows.length,
  durationMs: 3,
  isTruncated: false,
  omittedRows: 0,
  error: null,
  ...extra,
});

describe('SQL replay model', () => {
  const events: [number, string, string][] = [
    [0.1, 'o', 'ignored'],
    m(1, { sql: 'run', id: 'a', script: 'SELECT 1; SELECT 2', editor: '-- hi\nSELECT 1; SELECT 2' }),
    m(1.1, { sql: 'statement', id: 'a', index: 0, text: 'SELECT 1' }),
    m(1.2, result(0, [['1']])),
    m(1.3, { sql: 'statement', id: 'a', index: 1, text: 'SELECT 2' }),
    m(1.4, result(1, [['2']])),
    m(1.5, { sql: 'finished', id: 'a', status: 'ok', durationMs: 400 }),
    m(5, { sql: 'run', id: 'b', script: 'DELETE FROM t', editor: 'DELETE FROM t' }),
    m(5, { sql: 'verdict', id: 'b', action: 'review', reason: 'needs review', reviewId: 'r1' }),
    m(9, { sql: 'review', id: 'b', reviewId: 'r1', status: 'denied', decider: 'Arlo', comment: 'no' }),
    [9.5, 'm', 'a plain marker'],
  ];
  const model = buildReplayModel(events);

  it('rebuilds the editor and the results as they were at any moment', () => {
    expect(model.statements.map((s) => [s.t, s.text])).toEqual([
      [1.1, 'SELECT 1'],
      [1.3, 'SELECT 2'],
    ]);
    expect(runAt(model, 0.5)).toBeUndefined();
    expect(runAt(model, 1.25)?.editor).toBe('-- hi\nSELECT 1; SELECT 2');
    expect(resultsAt(runAt(model, 1.25)!, 1.25).map((r) => r.rows)).toEqual([[['1']]]);
    expect(resultsAt(runAt(model, 2)!, 2).map((r) => r.rows)).toEqual([[['1']], [['2']]]);
    expect(runAt(model, 6)).toMatchObject({ id: 'b', verdict: { action: 'review' }, review: { status: 'denied', decider: 'Arlo' } });
  });

  it('exports a .sql script with results as comments', () => {
    const script = toSqlScript(model, 'Demo database');
    expect(script).toContain('SELECT 1;\n-- 1 row in 3 ms\n-- x\n-- 1\n');
    expect(script).toContain('-- Held for review: needs review\n-- Review denied by Arlo: no\n-- at 5.000 s\nDELETE FROM t;');
  });

  it('exports the displayed result as CSV', () => {
    expect(
      resultToCsv({
        columns: [
          { name: 'a', type: 'text' },
          { name: 'b', type: 'text' },
        ],
        rows: [
          ['x,y', null],
          ['say "hi"', '[MASKED]1111'],
        ],
      }),
    ).toBe('a,b\r\n"x,y",\r\n"say ""hi""",[MASKED]1111\r\n');
  });

  it('exports a cell that a spreadsheet would run as a formula as text', () => {
    expect(resultToCsv({ columns: [{ name: 'a', type: 'text' }], rows: [['=HYPERLINK("http://evil","x")'], ['-5']] })).toBe(
      `a\r\n"'=HYPERLINK(""http://evil"",""x"")"\r\n'-5\r\n`,
    );
  });
});

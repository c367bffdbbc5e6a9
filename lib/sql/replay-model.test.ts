import { describe, expect, it } from 'vitest';
import { encodeSqlEvent, type SqlEventInput } from '@/lib/sql/sql-events';
import { buildReplayModel, resultsAt, runAt } from './replay-model';
import { toResultsCsv, toSqlJson, toSqlScript } from './sql-recording-export';

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
    m(10, { sql: 'run', id: 'c', script: 'UPDATE t SET x = 1', editor: 'UPDATE t SET x = 1' }),
    m(10, { sql: 'verdict', id: 'c', action: 'review', reason: 'UPDATE without WHERE', reviewId: 'r2' }),
    m(12, { sql: 'review', id: 'c', reviewId: 'r2', status: 'approved', decider: 'Arlo', comment: 'go' }),
    m(12.1, { sql: 'statement', id: 'c', index: 0, text: 'UPDATE t SET x = 1' }),
    m(12.2, { ...result(0, [], { columns: [], command: 'UPDATE', rowCount: 5 }), id: 'c' }),
    m(14, { sql: 'run', id: 'd', script: 'DROP TABLE t', editor: 'DROP TABLE t' }),
    m(14, { sql: 'verdict', id: 'd', action: 'block', reason: 'DROP is not allowed', reviewId: null }),
    m(16, { sql: 'run', id: 'e', script: 'DELETE FROM u', editor: 'DELETE FROM u' }),
    m(16, { sql: 'verdict', id: 'e', action: 'review', reason: 'needs review', reviewId: 'r3' }),
    m(17, { sql: 'review', id: 'e', reviewId: 'r3', status: 'cancelled', decider: null, comment: 'Withdrawn by the engineer.' }),
  ];
  const model = buildReplayModel(events);

  it('rebuilds the editor and the results as they were at any moment', () => {
    expect(model.statements.map((s) => [s.t, s.text])).toEqual([
      [1.1, 'SELECT 1'],
      [1.3, 'SELECT 2'],
      [12.1, 'UPDATE t SET x = 1'],
    ]);
    expect(runAt(model, 0.5)).toBeUndefined();
    expect(runAt(model, 1.25)?.editor).toBe('-- hi\nSELECT 1; SELECT 2');
    expect(resultsAt(runAt(model, 1.25)!, 1.25).map((r) => r.rows)).toEqual([[['1']]]);
    expect(resultsAt(runAt(model, 2)!, 2).map((r) => r.rows)).toEqual([[['1']], [['2']]]);
    expect(runAt(model, 6)).toMatchObject({ id: 'b', verdict: { action: 'review' }, review: { status: 'denied', decider: 'Arlo' } });
  });

  it('lists held, blocked and decided runs at their moments, between the statements that ran', () => {
    expect(model.entries.map((e) => [e.t, e.kind, e.kind === 'statement' ? e.number : e.text])).toEqual([
      [1.1, 'statement', 1],
      [1.3, 'statement', 2],
      [5, 'held', 'DELETE FROM t'],
      [9, 'denied', 'DELETE FROM t'],
      [10, 'held', 'UPDATE t SET x = 1'],
      [12, 'approved', 'UPDATE t SET x = 1'],
      [12.1, 'statement', 3],
      [14, 'blocked', 'DROP TABLE t'],
      [16, 'held', 'DELETE FROM u'],
      [17, 'withdrawn', 'DELETE FROM u'],
    ]);
    expect(model.entries[3]).toMatchObject({ decider: 'Arlo', comment: 'no' });
    expect(model.entries[7]).toMatchObject({ reason: 'DROP is not allowed' });
  });

  it('exports a .sql script: outcomes as comments, and what never ran commented out', () => {
    const script = toSqlScript(model, { title: 'Demo database', startedAt: '2026-12-04T10:00:00.000Z' });
    expect(script).toContain('-- #1 · 2026-12-04 10:00:01.100 UTC (+1.100 s) · 3 ms · 1 row\nSELECT 1;\n-- x\n-- 1\n');
    expect(script).toContain('-- 2026-12-04 10:00:05.000 UTC (+5.000 s) · Held for review: needs review\n--   DELETE FROM t\n');
    expect(script).toContain('· Denied (it did not run) by Arlo: no\n');
    expect(script).toContain(
      '· Approved (it runs below) by Arlo: go\n\n-- #3 · 2026-12-04 10:00:12.100 UTC (+12.100 s) · 3 ms · UPDATE 5\nUPDATE t SET x = 1;',
    );
    expect(script).toContain('· Blocked: DROP is not allowed\n--   DROP TABLE t\n');
    expect(script).toContain('· Withdrawn (it did not run): Withdrawn by the engineer.\n');
    // Only statements that ran are SQL in the file; the rest are comments.
    expect(script.split('\n').filter((line) => line !== '' && !line.startsWith('--'))).toEqual(['SELECT 1;', 'SELECT 2;', 'UPDATE t SET x = 1;']);
  });

  it('exports JSON runs with their reviews and results', () => {
    const runs = toSqlJson(model);
    expect(runs.map((r) => [r.script, r.verdict?.action ?? null, r.review?.status ?? null, r.statements.map((s) => s.number)])).toEqual([
      ['SELECT 1; SELECT 2', null, null, [1, 2]],
      ['DELETE FROM t', 'review', 'denied', []],
      ['UPDATE t SET x = 1', 'review', 'approved', [3]],
      ['DROP TABLE t', 'block', null, []],
      ['DELETE FROM u', 'review', 'withdrawn', []],
    ]);
    expect(runs[0]?.statements[0]?.result).toMatchObject({ rows: [['1']], rowCount: 1, durationMs: 3, error: null });
  });

  it('exports results as CSV: one statement, or all with the statement first', () => {
    expect(toResultsCsv(model, 2)).toBe('x\r\n2\r\n');
    expect(toResultsCsv(model, 3)).toBeUndefined();
    expect(toResultsCsv(model, 9)).toBeUndefined();
    expect(toResultsCsv(model)).toBe('statement,query,x\r\n1,SELECT 1,1\r\n2,SELECT 2,2\r\n');
    const joined = buildReplayModel([
      m(1, { sql: 'run', id: 'j', script: 'q', editor: 'q' }),
      m(1, { sql: 'statement', id: 'j', index: 0, text: 'q' }),
      m(2, {
        ...result(0, [['1', '2']]),
        id: 'j',
        columns: [
          { name: 'id', type: 'int4' },
          { name: 'id', type: 'int4' },
        ],
      }),
      m(3, { sql: 'statement', id: 'j', index: 1, text: 'r' }),
      m(4, { ...result(1, [['7']]), id: 'j', columns: [{ name: 'name', type: 'text' }] }),
    ]);
    expect(toResultsCsv(joined)).toBe('statement,query,id,id (2),name\r\n1,q,1,2,\r\n2,r,,,7\r\n');
  });
});

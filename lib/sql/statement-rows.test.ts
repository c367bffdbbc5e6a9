import { describe, expect, it } from 'vitest';
import { SQL_EVENT_VERSION, type SqlEvent, type SqlEventInput } from './sql-events';
import { StatementRows, statementResults } from './statement-rows';

type Row = (string | null)[];
const v = (event: SqlEventInput): SqlEvent => ({ v: SQL_EVENT_VERSION, ...event });
const columns = [
  { name: 'id', type: 'int4' },
  { name: 'email', type: 'text' },
];
const page = (index: number, rows: Row[], masked: number[], extra: { count?: number; id?: string; isFirst?: boolean } = {}) =>
  v({ sql: 'page', id: extra.id ?? 'a', index, ...(extra.isFirst ? { columns } : {}), rows, masked, count: extra.count ?? rows.length });
const result = (index: number, extra: Partial<Extract<SqlEventInput, { sql: 'result' }>> = {}) =>
  v({
    sql: 'result',
    id: 'a',
    index,
    command: 'SELECT',
    columns,
    rows: [],
    masked: [],
    rowCount: 0,
    durationMs: 4,
    isTruncated: false,
    omittedRows: 0,
    error: null,
    ...extra,
  });
const run = (id: string) => v({ sql: 'run', id, script: 'q', editor: 'q' });
const statement = (index: number, id = 'a') => v({ sql: 'statement', id, index, text: 'q' });

describe('StatementRows: a statement rows from its pages, figures from its result', () => {
  it('joins the pages in order and numbers masked cells from the statement first row', () => {
    const [only] = statementResults([
      run('a'),
      statement(0),
      page(
        0,
        [
          ['1', '[MASKED]@a.io'],
          ['2', 'b@b.io'],
        ],
        [0, 1],
        { isFirst: true },
      ),
      page(
        0,
        [
          ['3', '[MASKED]@c.io'],
          ['4', '[MASKED]@d.io'],
        ],
        [0, 1, 1, 1],
      ),
      page(0, [['5', '[MASKED]']], [0, 1]),
      result(0, { rowCount: 5 }),
    ]);
    expect(only?.rows.map((row) => row[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(only?.masked).toEqual([0, 1, 2, 1, 3, 1, 4, 1]);
    expect(only).toMatchObject({ command: 'SELECT', columns, rowCount: 5, durationMs: 4, error: null });
  });

  it('keeps a truncated result as recorded: the kept rows from the pages, the counts from the result', () => {
    const [only] = statementResults([
      run('a'),
      statement(0),
      page(
        0,
        [
          ['1', 'x'],
          ['2', '[MASKED]'],
        ],
        [1, 1],
        { isFirst: true, count: 2 },
      ),
      // Past the rows kept in the recording a page is recorded by its count only.
      page(0, [['3', 'x']], [], { count: 200 }),
      page(0, [], [], { count: 198 }),
      result(0, { rowCount: 400, isTruncated: true, omittedRows: 397 }),
    ]);
    expect(only?.rows).toEqual([
      ['1', 'x'],
      ['2', '[MASKED]'],
      ['3', 'x'],
    ]);
    expect(only).toMatchObject({ masked: [1, 1], rowCount: 400, isTruncated: true, omittedRows: 397 });
  });

  it('keeps the rows a statement sent before it failed, with its error', () => {
    const [first, failed] = statementResults([
      run('a'),
      statement(0),
      page(0, [['1', 'x']], [], { isFirst: true }),
      result(0, { rowCount: 1 }),
      statement(1),
      page(1, [['7', '[MASKED]']], [0, 1], { isFirst: true }),
      result(1, { command: 'SELECT', rowCount: 1, error: { code: 'division_by_zero', message: 'division by zero', position: null } }),
    ]);
    expect(first?.rows).toEqual([['1', 'x']]);
    expect(failed).toMatchObject({ rows: [['7', '[MASKED]']], masked: [0, 1], error: { code: 'division_by_zero' } });
  });

  it('gives no result for held, denied or blocked runs, and an empty one for a syntax error refused before anything ran', () => {
    const results = statementResults([
      run('h'),
      v({ sql: 'verdict', id: 'h', action: 'review', reason: 'DELETE without WHERE', reviewId: 'r1' }),
      v({ sql: 'review', id: 'h', reviewId: 'r1', status: 'denied', decider: 'Arlo', comment: null }),
      run('b'),
      v({ sql: 'verdict', id: 'b', action: 'block', reason: 'DROP is not allowed', reviewId: null }),
      run('s'),
      { ...result(0, { columns: [], error: { code: 'syntax_error', message: 'syntax error', position: 3 } }), id: 's' },
      v({ sql: 'finished', id: 's', status: 'error', durationMs: 1 }),
    ]);
    expect(results).toEqual([expect.objectContaining({ id: 's', rows: [], masked: [], error: expect.objectContaining({ position: 3 }) })]);
  });

  it('counts no rows left out of a statement that returns none (UPDATE 2 used to say "first 0 kept")', () => {
    const [update] = statementResults([run('a'), statement(0), result(0, { command: 'UPDATE', columns: [], rowCount: 2, omittedRows: 2 })]);
    expect(update).toMatchObject({ command: 'UPDATE', rowCount: 2, rows: [], omittedRows: 0 });
  });

  it('reads recordings made before pages existed: the rows stay those of the result', () => {
    const [old] = statementResults([run('a'), statement(0), result(0, { rows: [['1', '[MASKED]']], masked: [0, 1], rowCount: 1 })]);
    expect(old).toMatchObject({ rows: [['1', '[MASKED]']], masked: [0, 1], rowCount: 1 });
  });

  it('prefers the pages when a recording has both (the rows were written twice then)', () => {
    const [both] = statementResults([
      run('a'),
      statement(0),
      page(0, [['1', '[MASKED]']], [0, 1], { isFirst: true }),
      result(0, { rows: [['stale', 'stale']], masked: [], rowCount: 1 }),
    ]);
    expect(both).toMatchObject({ rows: [['1', '[MASKED]']], masked: [0, 1] });
  });

  it('keeps statements apart: two runs at once, and a run id used again', () => {
    const results = statementResults([
      run('a'),
      run('b'),
      statement(0, 'a'),
      statement(0, 'b'),
      page(0, [['a1', null]], [], { id: 'a' }),
      page(0, [['b1', null]], [], { id: 'b' }),
      { ...result(0), id: 'b' },
      result(0),
      // A statement that never ended (the session was cut), then its run id again.
      statement(1),
      page(1, [['lost', null]], []),
      run('a'),
      statement(1),
      page(1, [['again', null]], []),
      result(1),
    ]);
    expect(results.map((r) => [r.id, r.index, r.rows])).toEqual([
      ['b', 0, [['b1', null]]],
      ['a', 0, [['a1', null]]],
      ['a', 1, [['again', null]]],
    ]);
  });

  it('shows the rows recorded so far of a statement still running', () => {
    const rows = new StatementRows();
    for (const event of [run('a'), statement(0), page(0, [['1', 'x']], [], { isFirst: true, count: 1 }), page(0, [['2', '[MASKED]']], [0, 1])]) rows.add(event);
    expect(rows.pending('a', 0)).toEqual({
      columns,
      rows: [
        ['1', 'x'],
        ['2', '[MASKED]'],
      ],
      masked: [1, 1],
      sentRows: 2,
    });
    expect(rows.add(result(0, { rowCount: 2 }))?.rows).toHaveLength(2);
    expect(rows.pending('a', 0)).toBeUndefined();
  });
});

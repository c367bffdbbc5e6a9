import { describe, expect, it } from 'vitest';
import { buildReplayModel, type SqlReplayModel } from './replay-model';
import { decodeSqlEvent, encodeSqlEvent, type SqlEvent } from './sql-events';
import { toResultsCsv, toSqlJson, toSqlScript } from './sql-recording-export';
import { statementResults } from './statement-rows';
import recorded from './testing/rows-in-pages-and-results.json';

/**
 * A real recording (a SQL console session through the gateway, 2026-12-04) made while a
 * statement's kept rows were written twice, in its pages and again in its result: a SELECT
 * truncated at the row cap of 400 with 260 rows kept over two pages (e-mails masked), a SELECT
 * that failed after its first page, a DELETE held and denied, an UPDATE, a syntax error.
 * From it come the other two shapes a recording can have: rows only in the result (made before
 * pages existed) and rows only in the pages (made now). All three must read the same.
 */
type MarkerEvent = [number, string, string];
const both = recorded as MarkerEvent[];
const decode = ([, , data]: MarkerEvent) => decodeSqlEvent(data)!;
const reshaped = (change: (event: SqlEvent) => SqlEvent | undefined): MarkerEvent[] =>
  both.flatMap((marker) => {
    const event = change(decode(marker));
    return event ? [[marker[0], marker[1], encodeSqlEvent(event)] as MarkerEvent] : [];
  });
const beforePages = reshaped((event) => (event.sql === 'page' ? undefined : event));
const rowsOnce = reshaped((event) => (event.sql === 'result' ? { ...event, rows: [], masked: [] } : event));

const header = { title: 'Demo — ada@example.test', startedAt: '2026-12-04T20:06:00.000Z' };
function readings(model: SqlReplayModel) {
  return {
    script: toSqlScript(model, header),
    json: JSON.stringify(toSqlJson(model)),
    csv: [toResultsCsv(model), toResultsCsv(model, 1)],
    grids: model.statements.map((s) => ({ rows: s.result?.rows, masked: s.result?.masked })),
  };
}

describe('a SQL recording reads the same whichever shape holds its rows', () => {
  const model = buildReplayModel(both);

  it('rebuilds each statement as the console showed it, masked cells across pages included', () => {
    const [select, failed, update, refused] = model.statements.map((s) => s.result);
    if (!select || !failed) throw new Error('the fixture has no results');
    expect(select.rows).toHaveLength(260);
    expect(select.rows[259]).toEqual(['260', '[MASKED]@example.com', 'plain 260']);
    expect(select.rows[249]?.[2]).toMatch(/^key \[MASKED:[^\]]+\]$/);
    // One masked e-mail per row, and a masked note every 50th row, on both pages.
    expect(select.masked.length / 2).toBe(260 + 5);
    expect(select.masked.filter((_, i) => i % 2 === 0 && select.masked[i]! >= 200).length).toBe(60 + 1);
    expect(select).toMatchObject({ rowCount: 400, isTruncated: true, omittedRows: 140 });
    expect(failed).toMatchObject({ error: { message: 'division by zero' }, rowCount: 200 });
    expect(failed.rows).toHaveLength(200);
    // Recorded with omittedRows 2, the affected rows: none were left out.
    expect(update).toMatchObject({ command: 'UPDATE', rowCount: 2, rows: [], omittedRows: 0 });
    expect(refused).toMatchObject({ error: { code: 'syntax_error', position: 0 } });
    expect(model.entries.map((e) => e.kind)).toEqual(['statement', 'statement', 'held', 'denied', 'statement', 'statement']);
  });

  it('puts the pages together exactly as the result event kept them', () => {
    const fromResults = both.map(decode).filter((e): e is Extract<SqlEvent, { sql: 'result' }> => e.sql === 'result');
    const fromPages = statementResults(rowsOnce.map(decode));
    expect(fromPages.map(({ rows, masked }) => ({ rows, masked }))).toEqual(fromResults.map(({ rows, masked }) => ({ rows, masked })));
  });

  it('replays and exports identically: rows in pages only, in the result only, or in both', () => {
    const expected = readings(model);
    expect(readings(buildReplayModel(rowsOnce))).toEqual(expected);
    expect(readings(buildReplayModel(beforePages))).toEqual(expected);
    expect(expected.csv[1]!.split('\r\n')).toHaveLength(1 + 260 + 1);
    for (const text of [expected.script, expected.json, ...expected.csv]) {
      expect(text).not.toMatch(/AKIAIOSFODNN7EXAMPLE|user-\d+@/);
      expect(text).toContain('MASKED');
    }
  });
});

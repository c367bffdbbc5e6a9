import { describe, expect, it } from 'vitest';
import { decodeSqlEvent, type SqlEventInput } from '@/lib/sql/sql-events';
import { SqlWatchHistory, toWatchEvent, WATCH_HISTORY_EVENTS, WATCH_TEXT_CHARS } from './sql-watch-history';

const result = (id: string): SqlEventInput => ({
  sql: 'result',
  id,
  index: 0,
  command: 'SELECT',
  columns: [{ name: 'note', type: 'text' }],
  rows: [['[MASKED:aws-key]']],
  masked: [0, 0],
  rowCount: 1,
  durationMs: 3,
  isTruncated: false,
  omittedRows: 0,
  error: null,
});

function addRun(history: SqlWatchHistory, id: string, statements: number, t = 0) {
  history.add(t, { sql: 'run', id, script: `-- ${id}`, editor: `-- ${id}` });
  for (let index = 0; index < statements; index++) history.add(t, { sql: 'statement', id, index, text: `SELECT ${index}` });
  history.add(t, { sql: 'finished', id, status: 'ok', durationMs: 1 });
}

describe('what a SQL watcher is sent', () => {
  it('keeps counts but no rows, no column names, no pages and no editor text; cuts very long text', () => {
    expect(toWatchEvent(result('r1'))).toMatchObject({ rows: [], masked: [], rowCount: 1, command: 'SELECT', columns: [{ name: '', type: 'text' }] });
    expect(toWatchEvent({ sql: 'page', id: 'r1', index: 0, rows: [['x']], masked: [], count: 1 })).toBeUndefined();
    expect(toWatchEvent({ sql: 'run', id: 'r1', script: 'SELECT 1', editor: 'other text\nSELECT 1' })).toMatchObject({ script: 'SELECT 1', editor: '' });
    const long = toWatchEvent({ sql: 'statement', id: 'r1', index: 0, text: 'x'.repeat(WATCH_TEXT_CHARS * 3) });
    expect(long?.sql === 'statement' && long.text.length).toBe(WATCH_TEXT_CHARS + 1);
  });

  it('a late watcher gets the latest whole runs, never a statement without its run', () => {
    const history = new SqlWatchHistory();
    for (let i = 0; i < 100; i++) addRun(history, `r${i}`, 2);
    const events = history.events().map(([, text]) => decodeSqlEvent(text)!);
    expect(events.length).toBeLessThanOrEqual(WATCH_HISTORY_EVENTS);
    expect(history.isTrimmed).toBe(true);
    expect(events.at(-1)).toMatchObject({ sql: 'finished', id: 'r99' });
    const opened = new Set(events.filter((event) => event.sql === 'run').map((event) => event.id));
    for (const event of events) expect(opened.has(event.id)).toBe(true);
  });

  it('one run longer than the bound keeps its opening and its latest events', () => {
    const history = new SqlWatchHistory();
    addRun(history, 'big', WATCH_HISTORY_EVENTS * 2);
    const events = history.events().map(([, text]) => decodeSqlEvent(text)!);
    expect(events).toHaveLength(WATCH_HISTORY_EVENTS);
    expect(events[0]).toMatchObject({ sql: 'run', id: 'big' });
    expect(events.at(-1)).toMatchObject({ sql: 'finished' });
  });
});

import { describe, expect, it } from 'vitest';
import type { SqlServerMessage } from '@/lib/protocol/sql-protocol';
import type { SqlEventInput } from '@/lib/sql/sql-events';
import { StatementPages } from './sql-statement-pages';
import type { StatementRun } from './sql-statement-run-context';

type Row = (string | null)[];

/** A run whose masker masks cells (and texts) starting with "s" and notes the cells; the log shows what was recorded and sent, in order. */
function fakeRun(options: { recordedRows: number; isRecording?: boolean; isMaskingShown?: boolean }) {
  const log: (['record', SqlEventInput] | ['send', SqlServerMessage])[] = [];
  const run = {
    settings: { recordedRows: options.recordedRows },
    masker: {
      maskText: (text: string) => (text.startsWith('s') ? '[MASKED]' : text),
      maskRows(rows: Row[]) {
        const maskedCells: number[] = [];
        const masked = rows.map((row, r) =>
          row.map((cell, c) => {
            if (!cell?.startsWith('s')) return cell;
            maskedCells.push(r, c);
            return '[MASKED]';
          }),
        );
        return { rows: masked, maskedCells };
      },
    },
    recorder: {
      record(event: SqlEventInput) {
        log.push(['record', event]);
        return options.isRecording ?? true;
      },
    },
    isMaskingShown: () => options.isMaskingShown ?? true,
    send: (message: SqlServerMessage) => log.push(['send', message]),
    sendRows: (id: string, index: number, rows: Row[], masked: number[]) => log.push(['send', { type: 'rows', id, index, rows, masked }]),
  } as unknown as StatementRun;
  return { run, log };
}

const columns = [{ name: 'a', type: 'text' }];

describe('StatementPages', () => {
  it('records each page before it sends it, keeping only the first recordedRows rows in the recording', () => {
    const { run, log } = fakeRun({ recordedRows: 3 });
    const pages = new StatementPages(run, 'r1', 0);
    expect(pages.relay(columns, [['x'], ['secret-1']])).toBe(true);
    expect(pages.relay(undefined, [['secret-2'], ['y']])).toBe(true);
    expect(log.map(([what, item]) => `${what} ${'sql' in item ? item.sql : item.type}`)).toEqual([
      'record page',
      'send columns',
      'send rows',
      'record page',
      'send rows',
    ]);
    expect(log[0]![1]).toMatchObject({ sql: 'page', columns, rows: [['x'], ['[MASKED]']], masked: [1, 0], count: 2 });
    expect(log[3]![1]).toMatchObject({ sql: 'page', rows: [['[MASKED]']], masked: [0, 0], count: 2 });
    expect(log[4]![1]).toMatchObject({ type: 'rows', rows: [['[MASKED]'], ['y']], masked: [0, 0] });
    expect(pages).toMatchObject({ rowCount: 4, kept: [['x'], ['[MASKED]'], ['[MASKED]']], keptMasked: [1, 0, 2, 0], columns });
  });

  it('masks a column name before it is recorded, and shows it masked unless the resource masks the recording only', () => {
    const named = [{ name: 'secret_alias', type: 'text' }];
    for (const isMaskingShown of [true, false]) {
      const { run, log } = fakeRun({ recordedRows: 10, isMaskingShown });
      new StatementPages(run, 'r1', 0).relay(named, []);
      expect(log[0]![1]).toMatchObject({ sql: 'page', columns: [{ name: '[MASKED]' }] });
      expect(log[1]![1]).toMatchObject({ type: 'columns', columns: [{ name: isMaskingShown ? '[MASKED]' : 'secret_alias' }] });
    }
  });

  it('sends nothing when the recording refuses the page', () => {
    const { run, log } = fakeRun({ recordedRows: 100, isRecording: false });
    const pages = new StatementPages(run, 'r1', 0);
    expect(pages.relay(columns, [['x']])).toBe(false);
    expect(log.map(([what]) => what)).toEqual(['record']);
    expect(pages.rowCount).toBe(0);
  });

  it('records masked rows but sends clear ones when the resource masks the recording only', () => {
    const { run, log } = fakeRun({ recordedRows: 100, isMaskingShown: false });
    new StatementPages(run, 'r1', 0).relay(undefined, [['secret']]);
    expect(log).toEqual([
      ['record', { sql: 'page', id: 'r1', index: 0, rows: [['[MASKED]']], masked: [0, 0], count: 1 }],
      ['send', { type: 'rows', id: 'r1', index: 0, rows: [['secret']], masked: [] }],
    ]);
  });
});

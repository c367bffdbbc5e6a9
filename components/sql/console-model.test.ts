import { describe, expect, it } from 'vitest';
import { resultToCsv, statementsNotRun, type RunState } from './console-model';

describe('SQL console result as CSV', () => {
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

describe('what a stopped script did not run', () => {
  const run = (status: RunState['status'], statements: number, results: number[]) => ({
    status,
    statements: Array.from({ length: statements }, (_, i) => ({ text: `select ${i}` }) as RunState['statements'][number]),
    results: results.map((index) => ({ index, statement: '', columns: [], rows: [], masked: new Set<number>() })),
  });

  it('names the statements after the one that failed or was cancelled', () => {
    expect(statementsNotRun(run('error', 4, [0, 1]))).toBe('Statements 3 and 4 of 4 did not run.');
    expect(statementsNotRun(run('error', 5, [0, 1]))).toBe('Statements 3–5 of 5 did not run.');
    expect(statementsNotRun(run('error', 3, [0, 1]))).toBe('Statement 3 of 3 did not run.');
    expect(statementsNotRun(run('error', 3, [0]))).toBe('Statements 2 and 3 of 3 did not run.');
    expect(statementsNotRun(run('cancelled', 2, []))).toBe('Statements 1 and 2 of 2 did not run.');
  });

  it('says nothing when every statement ran, or the run is still going or went well', () => {
    expect(statementsNotRun(run('error', 2, [0, 1]))).toBeUndefined();
    expect(statementsNotRun(run('running', 3, [0]))).toBeUndefined();
    expect(statementsNotRun(run('ok', 3, [0, 1, 2]))).toBeUndefined();
  });
});

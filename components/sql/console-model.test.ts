import { describe, expect, it } from 'vitest';
import { resultToCsv } from './console-model';

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

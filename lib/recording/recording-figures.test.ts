import { describe, expect, it } from 'vitest';
import { recordingFigures } from './recording-figures';

const base = { cols: 120, rows: 40, outputBytes: 2048, storedBytes: 1024, sql: null, http: null };

describe('recordingFigures', () => {
  it('counts an HTTP recording in exchanges and failed ones, not in screen size and bytes', () => {
    expect(recordingFigures({ ...base, kind: 'http', http: { exchanges: 2, errors: 1 } })).toEqual(['2 exchanges', '1 error']);
    expect(recordingFigures({ ...base, kind: 'http', http: { exchanges: 1, errors: 0 } })).toEqual(['1 exchange']);
  });

  it('keeps SQL statements and a terminal’s size as they were', () => {
    expect(recordingFigures({ ...base, kind: 'sql', sql: { statements: 3, rows: 6, errors: 1 } })).toEqual(['3 statements', '6 rows', '1 error']);
    expect(recordingFigures({ ...base, kind: 'terminal' })).toEqual(['120×40', '2 KiB output, 1 KiB stored']);
  });
});

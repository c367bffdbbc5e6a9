import { describe, expect, it } from 'vitest';
import { MAX_AUTO_WIDTH, MIN_COLUMN_WIDTH, SAMPLE_ROWS, columnWidth, columnWidths, sampleRows } from './column-widths';

/** 7 px a character, like 12 px monospace; a header is its name, a gap and its type. */
const measure = { header: ({ name, type }: { name: string; type: string }) => (name.length + 1 + type.length) * 7, cell: (text: string) => text.length * 7 };

describe('columnWidths', () => {
  it('sizes a text column from its longest sampled value, not from its header', () => {
    const rows = Array.from({ length: 500 }, (_, i) => [String(i), `Customer number ${i} with a long name`]);
    const [id, name] = columnWidths(
      {
        columns: [
          { name: 'id', type: 'int4' },
          { name: 'name', type: 'text' },
        ],
        rows,
      },
      measure,
    );
    expect(name).toBeGreaterThanOrEqual('Customer number 499 with a long name'.length * 7);
    // The id column is as wide as its header (name and type), which is wider than the numbers.
    expect(id).toBeGreaterThanOrEqual('id int4'.length * 7);
    expect(id).toBeLessThan(name!);
  });

  it('caps very long values and keeps a minimum for empty columns', () => {
    expect(columnWidth({ name: 'x', type: '' }, ['y'.repeat(500)], measure)).toBe(MAX_AUTO_WIDTH);
    expect(columnWidth({ name: '', type: '' }, [], measure)).toBe(MIN_COLUMN_WIDTH);
    expect(columnWidth({ name: 'x', type: '' }, ['y'.repeat(500)], measure, Infinity)).toBeGreaterThan(3500);
  });

  it('counts NULL as the text it is shown as', () => {
    expect(columnWidth({ name: 'n', type: '' }, [null], measure)).toBeGreaterThanOrEqual(4 * 7);
  });
});

describe('sampleRows', () => {
  it('takes every row of a small result', () => {
    expect(sampleRows(5)).toEqual([0, 1, 2, 3, 4]);
  });

  it('takes the first rows and a spread to the end of a large one', () => {
    const picked = sampleRows(100_000);
    expect(picked).toHaveLength(SAMPLE_ROWS);
    expect(picked[0]).toBe(0);
    expect(picked.at(-1)).toBeGreaterThan(99_000);
    expect(new Set(picked).size).toBe(SAMPLE_ROWS);
  });
});

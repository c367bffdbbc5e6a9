import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { numberField } from './number-field';

const days = numberField((n) => n.int('Whole days only').min(0).max(36_500));

describe('numberField', () => {
  it('reads numbers and the text of numbers, as JSON, forms and query strings send them', () => {
    expect(days.parse(30)).toBe(30);
    expect(days.parse('30')).toBe(30);
    expect(days.parse(' 7 ')).toBe(7);
    expect(numberField((n) => n).parse('2.5')).toBe(2.5);
  });

  it('refuses what z.coerce.number() would have read as 0, 1, 3 or 16', () => {
    for (const value of [null, '', '   ', true, false, [3], [], {}, '0x10', '1e3', 'NaN', 'Infinity', '12abc']) {
      const result = days.safeParse(value);
      expect({ value, success: result.success }).toEqual({ value, success: false });
      expect(result.error?.issues[0]?.message).toBe('Enter a number');
    }
  });

  it('keeps the field’s own checks and messages, and its default when the field is missing', () => {
    expect(days.safeParse('1.5').error?.issues[0]?.message).toBe('Whole days only');
    expect(days.safeParse(-1).success).toBe(false);
    // A number out of bounds is a number: not "Enter a number" (`?page=0`).
    expect(days.safeParse(-1).error?.issues[0]?.message).not.toBe('Enter a number');
    expect(z.object({ limit: numberField((n) => n.int().min(1)).default(100) }).parse({})).toEqual({ limit: 100 });
  });
});

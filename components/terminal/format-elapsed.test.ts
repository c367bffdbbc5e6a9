import { describe, expect, it } from 'vitest';
import { formatElapsed } from './format-elapsed';

describe('formatElapsed', () => {
  it('shows seconds only in the first hour', () => {
    expect(formatElapsed(42_000)).toBe('42s');
    expect(formatElapsed(245_000)).toBe('4m 05s');
    expect(formatElapsed(3_840_000)).toBe('1h 04m');
  });
});

import { describe, expect, it } from 'vitest';
import { formatDuration, formatMilliseconds, formatMinutes } from './duration';

describe('formatDuration', () => {
  it('shows the two largest units, the second padded', () => {
    expect(formatDuration(42)).toBe('42s');
    expect(formatDuration(245)).toBe('4m 05s');
    expect(formatDuration(3840)).toBe('1h 04m');
    expect(formatDuration(3600)).toBe('1h 00m');
    expect(formatDuration(2 * 86_400 + 3 * 3600)).toBe('2d 03h');
  });

  it('leaves off zero seconds, so whole minutes read 45m', () => {
    expect(formatDuration(45 * 60)).toBe('45m');
    expect(formatMinutes(45)).toBe('45m');
    expect(formatMinutes(64)).toBe('1h 04m');
    expect(formatMinutes(10_080)).toBe('7d 00h');
  });

  it('never goes negative or fractional', () => {
    expect(formatDuration(-5)).toBe('0s');
    expect(formatDuration(59.9)).toBe('59s');
  });
});

describe('formatMilliseconds', () => {
  it('keeps sub-second precision for short runs', () => {
    expect(formatMilliseconds(12)).toBe('12 ms');
    expect(formatMilliseconds(1250)).toBe('1.25 s');
    expect(formatMilliseconds(12_000)).toBe('12 s');
    expect(formatMilliseconds(125_000)).toBe('2m 05s');
  });
});

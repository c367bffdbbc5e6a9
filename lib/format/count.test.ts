import { describe, expect, it } from 'vitest';
import { formatCount, formatNumber, pluralNoun } from './count';

describe('formatCount', () => {
  it('says 1 row, not 1 rows', () => {
    expect(formatCount(1, 'row')).toBe('1 row');
    expect(formatCount(0, 'row')).toBe('0 rows');
    expect(formatCount(2, 'chunk')).toBe('2 chunks');
  });

  it('groups thousands and takes irregular plurals', () => {
    expect(formatCount(12_400, 'row')).toBe('12,400 rows');
    expect(formatCount(1, { one: 'match', other: 'matches' })).toBe('1 match');
    expect(formatCount(3, { one: 'match', other: 'matches' })).toBe('3 matches');
    expect(pluralNoun(5, { one: 'resource is', other: 'resources are' })).toBe('resources are');
    expect(formatNumber(1_000_000)).toBe('1,000,000');
  });
});

import { describe, expect, it } from 'vitest';
import { formatNumber } from '@/lib/format/count';
import { formatDuration } from '@/lib/format/duration';
import { describeChange } from './describe-change';

describe('describeChange', () => {
  it('says how much and by what share a total moved from the period before', () => {
    expect(describeChange(8, 5, formatNumber)).toBe('+3 (+60%)');
    expect(describeChange(2, 4, formatNumber)).toBe('−2 (−50%)');
    expect(describeChange(1200, 0, formatNumber)).toBe('+1,200');
    expect(describeChange(3900, 300, formatDuration)).toBe('+1h 00m (+1200%)');
  });

  it('calls a change too small to show no change', () => {
    expect(describeChange(0.9, 0, formatDuration)).toBe('no change');
    expect(describeChange(4, 4, formatNumber)).toBe('no change');
  });
});

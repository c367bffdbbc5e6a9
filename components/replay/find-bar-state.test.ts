import { describe, expect, it } from 'vitest';
import type { SearchHit } from '@/lib/search/search-types';
import { findLabel, hitSeekTime, stepHit, type FindState } from './find-bar-state';

const hit = (t: number, snippet = 'x', highlights: Array<[number, number]> = []): SearchHit => ({ kind: 'output', t, snippet, highlights, failed: false });
const hits = [hit(2), hit(5), hit(9)];

describe('findLabel', () => {
  const ready = (index: number, list = hits, truncated = false): FindState => ({ status: 'ready', query: 'q', hits: list, truncated, index });

  it('says which hit of how many is shown', () => {
    expect(findLabel(ready(1))).toBe('2 of 3');
    expect(findLabel(ready(-1))).toBe('3 matches');
    expect(findLabel(ready(-1, [hit(1)]))).toBe('1 match');
    expect(findLabel(ready(-1, []))).toBe('No matches');
  });

  it('shows a capped list as a lower bound', () => {
    expect(findLabel(ready(0, hits, true))).toBe('1 of 3+');
    expect(findLabel(ready(-1, hits, true))).toBe('3+ matches');
  });

  it('shows progress and errors', () => {
    expect(findLabel({ status: 'idle' })).toBe('');
    expect(findLabel({ status: 'searching', query: 'q' })).toBe('Searching…');
    expect(findLabel({ status: 'error', query: 'q', message: 'Type something to search for' })).toBe('Type something to search for');
  });
});

describe('stepHit', () => {
  it('starts at the first hit after the playhead, or the last before it', () => {
    expect(stepHit(hits, -1, 4, 'next')).toBe(1);
    expect(stepHit(hits, -1, 4, 'previous')).toBe(0);
    expect(stepHit(hits, -1, 0, 'next')).toBe(0);
  });

  it('moves one hit at a time and wraps around at both ends', () => {
    expect(stepHit(hits, 1, 5, 'next')).toBe(2);
    expect(stepHit(hits, 2, 9, 'next')).toBe(0);
    expect(stepHit(hits, 0, 2, 'previous')).toBe(2);
    expect(stepHit(hits, -1, 60, 'next')).toBe(0);
    expect(stepHit(hits, -1, 1, 'previous')).toBe(2);
  });

  it('has nowhere to go without hits', () => {
    expect(stepHit([], -1, 3, 'next')).toBe(-1);
    expect(stepHit([], 4, 3, 'previous')).toBe(-1);
  });
});

describe('hit moments', () => {
  it('seeks just past the hit, so its line is on screen', () => {
    expect(hitSeekTime(hit(3.4))).toBeGreaterThan(3.4);
  });
});

import { describe, expect, it } from 'vitest';
import { toBlocks } from '@/server/recording/search-blocks';
import { rowHits } from './block-hits';
import { parseSearch } from './parse-search';

/** One stored block of output lines, as search reads it back: line i printed at second i. */
function blockRow(texts: string[]) {
  const { blocks } = toBlocks(texts.map((text, i) => ({ kind: 'output' as const, t: i, text, failed: false })));
  expect(blocks).toHaveLength(1);
  const block = blocks[0]!;
  return { kind: 'output' as const, t: block.t, text: block.text, failed: false, annotation_id: null, line_times: block.lineTimes };
}

const moments = (result: ReturnType<typeof rowHits>) => result.hits.map((hit) => hit.t);

describe('the hits in a block of output lines', () => {
  const texts = [
    'Replica lag 3s',
    'İSTANBUL replica ready', // lowercases to a longer string: line numbers must not drift
    'primary ok',
    'connection refused by replica-2',
    'nothing here',
    'replica',
  ];
  const row = blockRow(texts);

  it('finds every line holding the words, first and last line included, each at its moment', () => {
    expect(moments(rowHits(row, parseSearch('replica')))).toEqual([0, 1, 3, 5]);
    expect(moments(rowHits(row, parseSearch('replica ready')))).toEqual([1]);
    expect(moments(rowHits(row, parseSearch('"refused by replica"')))).toEqual([3]);
    expect(moments(rowHits(row, parseSearch('ca-2')))).toEqual([3]);
  });

  it('counts every matching line but builds only the hits asked for, inside a shared range', () => {
    const limited = rowHits(row, parseSearch('replica'), { limit: 2 });
    expect(limited.count).toBe(4);
    expect(moments(limited)).toEqual([0, 1]);
    expect(moments(rowHits(row, parseSearch('replica'), { range: { start: 1, end: 3 } }))).toEqual([1, 3]);
  });

  it('stands one line for a block whose words are only on different lines', () => {
    const spread = rowHits(row, parseSearch('primary refused'));
    expect(spread.count).toBe(1);
    expect(moments(spread)).toEqual([2]);
  });
});

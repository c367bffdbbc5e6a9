import { describe, expect, it } from 'vitest';
import { highlightSegments, queryPatternSource, queryRanges, queryTerms } from './highlight';

const marked = (segments: { text: string; isMatch: boolean }[]) => segments.map((s) => (s.isMatch ? `[${s.text}]` : s.text)).join('');

describe('highlightSegments', () => {
  it('marks each range and keeps the text around it', () => {
    expect(
      marked(
        highlightSegments('pg_dump --schema-only db', [
          [0, 7],
          [8, 14],
        ]),
      ),
    ).toBe('[pg_dump] [--sche]ma-only db');
  });

  it('sorts, merges overlapping and touching ranges, and never repeats text', () => {
    const segments = highlightSegments('connection refused', [
      [11, 18],
      [0, 10],
      [5, 12],
    ]);
    expect(marked(segments)).toBe('[connection refused]');
    expect(segments.map((s) => s.text).join('')).toBe('connection refused');
  });

  it('clamps ranges past either end and drops empty or reversed ones', () => {
    expect(
      marked(
        highlightSegments('ERROR: x', [
          [-3, 6],
          [7, 99],
          [4, 2],
          [3, 3],
        ]),
      ),
    ).toBe('[ERROR:] [x]');
  });

  it('gives the plain text when there is nothing to mark', () => {
    expect(highlightSegments('plain', [])).toEqual([{ text: 'plain', isMatch: false }]);
    expect(highlightSegments('', [[0, 3]])).toEqual([]);
  });
});

describe('queryTerms', () => {
  it('keeps the whole query, each quoted phrase and each word, longest first', () => {
    expect(queryTerms('pg_dump --sche')).toEqual(['pg_dump --sche', 'pg_dump', '--sche']);
    expect(queryTerms('"connection refused" host')).toEqual(['connection refused host', 'connection refused', 'host']);
  });

  it('reads a quote left open as a phrase and `word*` as the word', () => {
    expect(queryTerms('"connection refused host')).toEqual(['connection refused host']);
    expect(queryTerms('deploy* prod')).toEqual(['deploy prod', 'deploy', 'prod']);
    expect(queryTerms('ls *.txt')).toEqual(['ls *.txt', '*.txt', 'ls']);
  });

  it('leaves out one-letter words unless the query is only that', () => {
    expect(queryTerms('a ls')).toEqual(['a ls', 'ls']);
    expect(queryTerms('x')).toEqual(['x']);
    expect(queryTerms('  ')).toEqual([]);
  });
});

describe('queryRanges', () => {
  it('finds the whole query where it is there, else its words, ignoring case', () => {
    expect(marked(highlightSegments('$ PG_DUMP --schema-only', queryRanges('$ PG_DUMP --schema-only', 'pg_dump --sche')))).toBe('$ [PG_DUMP --sche]ma-only');
    expect(marked(highlightSegments('pg_dump -Fc --schema', queryRanges('pg_dump -Fc --schema', 'pg_dump --sche')))).toBe('[pg_dump] -Fc [--sche]ma');
  });

  it('treats regex characters as text', () => {
    expect(queryRanges('select (a|b) from t', '(a|b)')).toEqual([[7, 12]]);
    expect(new RegExp(queryPatternSource('ERROR: [x]*')!, 'i').test('error: [x]*')).toBe(true);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectRules } from './built-in-rules';
import { DETECTOR_CORPORA } from './corpus/all';
import { parseRegex } from './regex-ast';
import { filterRule } from './start-filter';
import { buildStartFilter, type StartFilter } from './regex-prefilter';
import { tableScan } from './table-scan';
import type { MaskRule } from './types';

/** The rules found by a leading run (key bodies, random values) and the others, as the engine builds them. */
const rules = selectRules({ 'key-material': { enabled: true }, 'high-entropy-value': { enabled: true } });
const isRunRule = (rule: MaskRule): boolean => rule.id === 'key-material' || rule.id === 'high-entropy-value';
const filterOf = (of: readonly MaskRule[]): StartFilter =>
  buildStartFilter(
    of.map((rule) => {
      const parsed = parseRegex(rule.pattern, rule.flags);
      return filterRule(parsed.ast, parsed.flags);
    }),
  )!;

const both = filterOf(rules);
// The table alone (the combined filter's tables, its run bits ignored) and the run search alone.
const table = tableScan(both);
const runs = filterOf(rules.filter(isRunRule)).next;
const expected = (bytes: Uint8Array, from: number, to: number, whole: boolean): number => Math.min(table(bytes, from, to), runs(bytes, from, to, whole));

const benignDir = path.join(__dirname, 'corpus', 'benign');
const benignLines = readdirSync(benignDir)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(path.join(benignDir, f), 'latin1').split('\n'));
const positives = DETECTOR_CORPORA.flatMap((corpus) => corpus.positives.map((p) => Buffer.from(p.text, 'utf8').toString('latin1')));
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

describe('the table scan and the run search in one loop', () => {
  it('is what the engine builds for rules of both kinds', () => {
    expect(both.runBytes).not.toBeNull();
    // A run that only the run search finds, and not the table alone.
    const line = Buffer.from(`key: ${B64.repeat(2)}\n`, 'latin1');
    expect(table(line, 0, line.length)).toBe(line.length);
    expect(both.next(line, 0, line.length, true)).toBeLessThan(line.length);
  });

  it('gives the earlier of the two searches, from any position, to any limit, on secrets, benign lines and random runs', () => {
    const piece = fc.oneof(
      fc.constantFrom(...positives),
      fc.constantFrom(...benignLines),
      fc.constantFrom(' ', '\r\n', '=', ': ', '"', "'", '-', 'token=', 'KEY=', 'AKIA', '\x1b', '.'),
      fc.string({ unit: fc.constantFrom(...B64), minLength: 16, maxLength: 90 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.nat(), fc.nat(), fc.boolean(), (pieces, a, b, whole) => {
        const bytes = Buffer.from(pieces.join(''), 'latin1');
        const from = bytes.length === 0 ? 0 : a % (bytes.length + 1);
        const to = from + (b % (bytes.length - from + 1));
        const want = expected(bytes, from, to, whole);
        expect(both.next(bytes, from, to, whole)).toBe(want);
        // In the filter's WebAssembly memory (from 32 bytes on): scan.wat finds the loop's stops.
        expect(both.next(both.load!(bytes), from, to, whole)).toBe(want);
      }),
      { numRuns: 3000, seed: 1212 },
    );
  });

  it('finds every candidate of the two searches in a text cut at every offset (frames ending inside a key body or a value)', () => {
    const key = Array.from({ length: 3 }, (_, line) => Array.from({ length: 64 }, (_, i) => B64[(i * 7 + line * 13) % 64]).join('')).join('\r\n');
    const text = `$ tail -n +2 key.pem\r\n${key}\r\n-----END PRIVATE KEY-----\r\nAPI_KEY=Gk4tWz9QpR2vLm7XbN0sYd5HcJ8fUe3A token=ghp_x\r\n`;
    for (let cut = 1; cut <= text.length; cut++) {
      const bytes = Buffer.from(text.slice(0, cut), 'latin1');
      for (const whole of [false, true]) {
        const want: number[] = [];
        for (let at = expected(bytes, 0, cut, whole); at < cut; at = expected(bytes, at + 1, cut, whole)) want.push(at);
        for (const searched of [bytes, both.load!(bytes)]) {
          const found: number[] = [];
          for (let at = both.next(searched, 0, cut, whole); at < cut; at = both.next(searched, at + 1, cut, whole)) found.push(at);
          expect(found, `cut ${cut}, whole ${whole}, ${searched === bytes ? 'JavaScript' : 'WebAssembly'}`).toEqual(want);
        }
      }
    }
  });
});

describe('the run search on base64 text', () => {
  // Independent of the search's shortcuts (closedRunTest): where a run rule's own regex matches.
  const stickies = rules.filter(isRunRule).map((rule) => new RegExp(rule.pattern, `${rule.flags ?? ''}y`));
  const firstMatch = (text: string, from: number, to: number): number => {
    for (let at = from; at < to; at++) {
      for (const sticky of stickies) {
        sticky.lastIndex = at;
        if (sticky.test(text)) return at;
      }
    }
    return to;
  };
  const line = (length: number) => fc.string({ unit: fc.constantFrom(...B64), minLength: length, maxLength: length });

  it('never skips where a key body or a random value starts, among base64 lines of every width', () => {
    const piece = fc.oneof(
      line(64),
      line(70),
      line(76),
      fc.string({ unit: fc.constantFrom(...B64, '=', '_', '-'), minLength: 16, maxLength: 90 }),
      fc.constantFrom('\r\n', '\n', '\\n', ' ', '"', 'key=', 'token: ', '=', 'n', '-----END PRIVATE KEY-----'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(), (pieces, a) => {
        const text = pieces.join('');
        const bytes = Buffer.from(text, 'latin1');
        const from = a % (bytes.length + 1);
        const match = firstMatch(text, from, bytes.length);
        expect(both.next(bytes, from, bytes.length, true)).toBeLessThanOrEqual(match);
        expect(runs(bytes, from, bytes.length, true)).toBeLessThanOrEqual(match);
      }),
      { numRuns: 2000, seed: 512 },
    );
  });
});

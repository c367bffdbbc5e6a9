import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileWat } from '@/scripts/compile-wat.mjs';
import { BUILT_IN_RULES, selectRules } from '../built-in-rules';
import { DETECTOR_CORPORA } from '../corpus/all';
import { nextHidden, wordsOf } from '../hidden-bytes';
import { parseRegex } from '../regex-ast';
import { filterRule, type FilterRule } from '../start-filter';
import { buildStartFilter, filterParts, type StartFilter } from '../regex-prefilter';
import { reachStartOf } from '../reach-start';
import { jsRunEvents } from '../table-and-run-scan';
import { tableScan } from '../table-scan';
import type { MaskRule } from '../types';
import { SCAN_MODULE_BASE64 } from './scan-module';
import { wasmAvailable, wasmRunEvents, wasmTableScan } from './wasm-scans';

const rulesOf = (rules: readonly MaskRule[]): FilterRule[] =>
  rules.map((rule) => {
    const parsed = parseRegex(rule.pattern, rule.flags);
    return filterRule(parsed.ast, parsed.flags);
  });
const filterOf = (rules: readonly MaskRule[]): StartFilter => buildStartFilter(rulesOf(rules))!;

const benignDir = path.join(__dirname, '..', 'corpus', 'benign');
const benign = readdirSync(benignDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(path.join(benignDir, f)));
const positives = DETECTOR_CORPORA.flatMap((corpus) => corpus.positives.map((p) => Buffer.from(p.text, 'utf8')));

/** Every candidate from every position, and from every position up to a few limits: what the engine asks. */
function candidates(filter: StartFilter, bytes: Uint8Array): number[] {
  const found: number[] = [];
  // Every position near the start and the end (the last seven are the JavaScript's in both), every seventh between.
  for (let from = 0; from <= bytes.length; from += from < 200 || from > bytes.length - 20 ? 1 : 7) {
    found.push(filter.next(bytes, from, bytes.length));
    found.push(filter.next(bytes, from, Math.min(bytes.length, from + 9)), filter.next(bytes, from, Math.min(bytes.length, from + 100)));
  }
  return found;
}

describe('the WebAssembly scans', () => {
  it('are scan.wat as it is now (run `npm run build:wasm` after editing it)', async () => {
    const compiled = await compileWat(path.join(__dirname, 'scan.wat'));
    expect(Buffer.from(compiled).toString('base64')).toBe(SCAN_MODULE_BASE64);
  });

  it('run here (else every comparison below would compare the JavaScript with itself)', () => {
    expect(wasmAvailable()).toBe(true);
  });
});

describe('the table scan in WebAssembly', () => {
  // Rule sets with different tables: the built-ins, and each of a few rules alone.
  const ruleSets = [
    selectRules({}),
    ...['aws-access-key-id', 'password-assignment', 'card-number', 'jwt', 'url-credentials'].map((id) => BUILT_IN_RULES.filter((r) => r.id === id)),
  ];

  it('finds the candidates the JavaScript scan finds, in the corpora and in random text', () => {
    const texts = [...benign.map((text) => text.subarray(0, 2500)), Buffer.concat(positives)];
    for (const rules of ruleSets) {
      const filter = filterOf(rules);
      expect(filter.load, 'a filter of signatures alone searches in WebAssembly').toBeDefined();
      for (const text of texts) {
        const loaded = filter.load!(text);
        expect(loaded.buffer).not.toBe(text.buffer);
        expect(candidates(filter, loaded)).toEqual(candidates(filter, text));
      }
    }
    const filter = filterOf(ruleSets[0]!);
    const alphabet = [...'AKIASIAghp_xoxb-sk_live:="\' -\t\r\n0123456789abcdefPASSWORDtokenBEGIN', '\x00', '\xff'].map((c) => c.charCodeAt(0));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 32, maxLength: 300, size: 'max' }), (codes) => {
        const text = Buffer.from(codes);
        expect(candidates(filter, filter.load!(text))).toEqual(candidates(filter, text));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves bytes too few to be worth a copy, or too many for its memory, to the JavaScript', () => {
    const filter = filterOf(ruleSets[0]!);
    const short = Buffer.from('AKIA');
    const huge = Buffer.alloc(3 << 20, 0x41);
    expect(filter.load!(short)).toBe(short);
    expect(filter.load!(huge)).toBe(huge);
  });
});

describe('the table-and-run loop in WebAssembly', () => {
  // With the rules found by a long run on (key bodies, random values): with the built-ins, and with one signature.
  const runRules = BUILT_IN_RULES.filter((r) => ['key-material', 'high-entropy-value', 'aws-access-key-id'].includes(r.id));
  const on = { enabled: true };
  const ruleSets = [selectRules({ 'key-material': on, 'high-entropy-value': on }), selectRules({ 'key-material': on }), runRules];
  const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  /** Runs of base64 of every length around the rules' (16, 24, 64, 70), and what ends them. */
  const pieces = fc.oneof(
    fc.string({ unit: fc.constantFrom(...base64), minLength: 1, maxLength: 90 }),
    fc.constantFrom(
      '\n',
      '\r\n',
      ' ',
      '=',
      '==',
      ': ',
      '="',
      '"',
      "'",
      '_',
      '-',
      '.',
      'AKIA',
      'token=',
      'ghp_',
      '\\n',
      '-----END PRIVATE KEY-----',
      '[secret:1234]',
      'é',
      '\xff',
    ),
  );

  /** Runs of bytes from 0x80 among letters, after `key=`. */
  const highRuns = fc.string({ unit: fc.constantFrom('é', 'ü', '\x80', '\xff', 'a', 'Z', '7', ' '), minLength: 1, maxLength: 50 }).map((run) => `key=${run}`);

  it('finds the candidates the JavaScript loop finds, in the corpora and in random runs of base64', () => {
    const texts = [...benign.map((text) => text.subarray(0, 2500)), Buffer.concat(positives)];
    for (const rules of ruleSets) {
      const filter = filterOf(rules);
      expect(filter.runBytes, 'the filter has a run search').not.toBeNull();
      expect(filter.load, 'and searches in WebAssembly').toBeDefined();
      for (const text of texts) expect(candidates(filter, filter.load!(text))).toEqual(candidates(filter, text));
    }
    const filter = filterOf(ruleSets[0]!);
    // A run of each length around the rules' ending at each distance from the end of the text,
    // where the last block's lanes reach past the positions scanned.
    const run = (length: number): string => base64.repeat(2).slice(7, 7 + length);
    for (const length of [15, 16, 17, 23, 24, 25, 63, 64, 65, 69, 70, 71])
      for (const [head, tail] of [
        ['\n', '\n'],
        ['token=', ' '],
        ['"', '"'],
      ])
        for (let after = 0; after < 10; after++) {
          const text = Buffer.from('x'.repeat(32) + head + run(length) + tail + 'y'.repeat(after));
          expect(candidates(filter, filter.load!(text))).toEqual(candidates(filter, text));
        }
    fc.assert(
      fc.property(fc.array(pieces, { minLength: 8, maxLength: 60, size: 'max' }), (parts) => {
        const text = Buffer.from('x'.repeat(32) + parts.join(''), 'latin1');
        expect(candidates(filter, filter.load!(text))).toEqual(candidates(filter, text));
      }),
      { numRuns: 300 },
    );
  });

  it("stops where the JavaScript loop stops, with the same run's start (what the driver judges)", () => {
    // And a rule whose matches start with a byte outside the runs' classes: the run holding a candidate starts after it.
    const bracketed = { ...runRules[0]!, pattern: String.raw`\[secret:[0-9]{4}\]`, flags: '' };
    // And a run whose class holds bytes from 0x80 (scan.wat's second half-byte table): a value of
    // any bytes but spaces and quotes.
    const anyBytes = { ...runRules[0]!, pattern: String.raw`(?<=key=)[^\s"']{20,40}(?![^\s"'])`, flags: '' };
    const parts = filterParts(rulesOf([...ruleSets[0]!, bracketed, anyBytes]))!;
    expect(parts.runs.some((run) => run.inRun[0xe9] === 1 && run.inRun[0xff] === 1)).toBe(true);
    const js = jsRunEvents(parts.tables, parts.runs);
    const wasm = wasmRunEvents(parts.tables, parts.runs, js)!;
    /** Every stop of the loop, from every position (as the driver resumes after a run it judged), to a few limits. */
    const stops = (bytes: Uint8Array): string[] => {
      const found: string[] = [];
      for (let from = 0; from < bytes.length - 7; from++)
        for (const stop of [bytes.length - 7, Math.min(bytes.length - 7, from + 5), Math.min(bytes.length - 7, from + 20)])
          for (const runStart of [from, from + 1, Math.max(0, from - 30)]) {
            if (from >= stop) continue;
            const { at, start } = wasm.events(bytes, from, stop, runStart);
            found.push(`${from} ${stop} ${runStart}: ${at} ${start}`);
          }
      return found;
    };
    // A copy outside the filter's memory goes to the JavaScript loop.
    const jsStops = (bytes: Uint8Array): string[] => stops(Buffer.from(bytes));
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, highRuns), { minLength: 4, maxLength: 30, size: 'max' }), (parts) => {
        const text = Buffer.from('x'.repeat(32) + parts.join(''), 'latin1');
        expect(stops(wasm.load(text))).toEqual(jsStops(text));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the backward scan over a reach in WebAssembly', () => {
  it('finds where the JavaScript scan stops, for random sets of bytes, from every position', () => {
    // A filter's memory of its own per set: a memory holds tables for 64 sets, then gives the JavaScript form.
    const { tables } = filterParts(rulesOf(selectRules({})))!;
    const freshFilter = () => wasmTableScan(tables, tableScan(tables))!;
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 256, maxLength: 256 }).map((random) => random.map((b) => (b < 200 ? 1 : 0))),
        fc.array(fc.nat(), { minLength: 32, maxLength: 120, size: 'max' }),
        (set, codes) => {
          // Mostly bytes of the set, so that the scan goes back across blocks, to `from` and past it.
          const inSet = [...set.keys()].filter((b) => set[b] === 1);
          const outside = [...set.keys()].filter((b) => set[b] === 0);
          const text = Buffer.from(codes.map((c) => (c % 25 === 0 && outside.length > 0 ? outside[c % outside.length]! : inSet[c % inSet.length]!)));
          const filter = freshFilter();
          const wasm = filter.reachStart(set);
          const loaded = filter.load(text);
          const js = reachStartOf(set);
          for (let from = 0; from <= text.length; from++) expect(wasm(loaded, from, text.length), `from ${from}`).toBe(js(text, from, text.length));
        },
      ),
      { numRuns: 150 },
    );
    // A set that holds every byte: the scan goes back to `from`.
    const all = new Uint8Array(256).fill(1);
    const text = Buffer.alloc(100, 0xe9);
    const filter = freshFilter();
    expect(filter.reachStart(all)(filter.load(text), 3, 100)).toBe(3);
  });
});

describe('the hidden-byte search in WebAssembly', () => {
  /** What stripAnsi looks at: every hidden position found from every position. */
  const hiddenFrom = (raw: Buffer, wasm: boolean): number[] => {
    const words = wordsOf(raw, wasm);
    return Array.from({ length: raw.length + 1 }, (_, from) => nextHidden(raw, words, from));
  };
  // Printable text, the controls kept as text, dropped controls, ESC, UTF-8 that prints (é, —),
  // UTF-8 drawn as nothing (zero-width space), a C1 control (U+009B), and bytes that are not UTF-8.
  const pieces = [
    // Four-byte characters too: one that prints, one drawn as nothing (a tag character).
    ...['a', 'AKIA', ' ', '\x1b[31m', 'é', '—', '\u200b', '\u009b', '😀', '\u{e0020}'].map((text) => Buffer.from(text, 'utf8')),
    // Each edge of the ranges scan.wat tests, and TAB to CR (text).
    ...[0x00, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x1f, 0x20, 0x7e, 0x7f, 0x80, 0xc3, 0xff].map((byte) => Buffer.of(byte)),
  ];

  it('finds the positions the JavaScript search finds, wherever the 16-byte blocks fall', () => {
    expect(wordsOf(Buffer.alloc(32, 0x61), true).view.length, 'a frame of 32 bytes goes to WebAssembly').toBe(0);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 16, maxLength: 120, size: 'max' }), (parts) => {
        // At least 32 bytes, as the WebAssembly search is given (fewer stay with the JavaScript).
        const raw = Buffer.concat([Buffer.from('a'.repeat(32)), ...parts]);
        expect(hiddenFrom(raw, true)).toEqual(hiddenFrom(raw, false));
      }),
      { numRuns: 500 },
    );
    for (const text of benign) expect(hiddenFrom(text.subarray(0, 4000), true)).toEqual(hiddenFrom(text.subarray(0, 4000), false));
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectRules } from './built-in-rules';
import { compileRules } from './compile-rules';
import { DETECTOR_CORPORA } from './corpus/all';
import { findPartialStart, scanPass, type Match } from './find-matches';
import { parseRegex } from './regex-ast';
import { filterRule } from './start-filter';
import { buildStartFilter, type StartFilter } from './regex-prefilter';
import { printRegex } from './regex-print';

const filterFor = (patterns: Array<[string, string?]>): StartFilter | null =>
  buildStartFilter(
    patterns.map(([pattern, flags]) => {
      const parsed = parseRegex(pattern, flags);
      return filterRule(parsed.ast, parsed.flags);
    }),
  );

const candidates = (filter: StartFilter, text: string): number[] => {
  const bytes = Buffer.from(text, 'latin1');
  const out: number[] = [];
  for (let at = filter.next(bytes, 0, bytes.length); at < bytes.length; at = filter.next(bytes, at + 1, bytes.length)) out.push(at);
  return out;
};

const benignDir = path.join(__dirname, 'corpus', 'benign');
const benign = readdirSync(benignDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(path.join(benignDir, f), 'latin1'))
  .join('\r\n');
const positives = DETECTOR_CORPORA.flatMap((corpus) => corpus.positives.map((p) => Buffer.from(p.text, 'utf8').toString('latin1')));

describe('start filter', () => {
  it('reads the byte before and the first eight bytes of a match', () => {
    const filter = filterFor([[String.raw`\bAKIA[A-Z0-9]{16}`], ['token[:=] ?[a-z]+', 'i']])!;
    // "tok" at the end could still become "token: …".
    expect(candidates(filter, 'xAKIAIOSF AKIAIOSF AKIBIOSF ToKeN: x toke tok')).toEqual([10, 28, 42]);
    // Near the end of the text the missing bytes could still come: not rejected.
    expect(candidates(filter, ' AK')).toEqual([1]);
    expect(candidates(filter, 'AKIA')).toEqual([0]);
  });

  it('handles optional and repeated parts, lookbehinds and line starts', () => {
    const filter = filterFor([[String.raw`(?<![0-9])a{3,8}b`], ['^x-?y']])!;
    expect(candidates(filter, '1aaab aaab aab\nxy x-y\nzxy')).toEqual([6, 15]);
    expect(candidates(filter, 'x-y')).toEqual([0]);
  });

  it('finds a rule that starts with a long run by the run: its length, the bytes around it and what its lookaheads need', () => {
    // 24 to 32 characters, after `=`, holding a capital, then a byte that is not `.`.
    const filter = filterFor([[String.raw`(?<=[=])(?=[a-zA-Z]{0,31}[A-Z])[a-zA-Z]{24,32}(?![a-zA-Z])[^.]`]])!;
    const run = 'abcdefghijklmnopqrstuvwXyz';
    expect(candidates(filter, `k=${run}; k=${run.toLowerCase()}; k=${run}.; x ${run}; k=${run}${run}!`)).toEqual([2]);
    // A run reaching the end may still become a match (held back), unless whole matches are asked for.
    const bytes = Buffer.from('k=abc', 'latin1');
    expect(filter.next(bytes, 0, bytes.length)).toBe(2);
    expect(filter.next(bytes, 0, bytes.length, true)).toBe(bytes.length);
  });

  it('reads the last byte of a longer lookbehind', () => {
    const filter = filterFor([
      [
        String.raw`(?<=(?:
|key: )[ ]{0,2})AKIA[A-Z]{4}`,
      ],
    ])!;
    expect(candidates(filter, 'key: AKIAABCD xAKIAABCD\n  AKIAABCD')).toEqual([5, 26]);
  });

  it('gives up on rules that can match the empty string', () => {
    expect(filterFor([['a*']])).toBeNull();
  });

  it('accepts every position where a built-in rule matches (corpus and benign text)', () => {
    const rules = selectRules(Object.fromEntries(DETECTOR_CORPORA.flatMap((c) => c.enable ?? []).map((id) => [id, { enabled: true }])));
    const parsed = rules.map((rule) => ({ rule, ...parseRegex(rule.pattern, rule.flags) }));
    const filter = buildStartFilter(parsed.map((p) => ({ ast: p.ast, ignoreCase: p.flags.includes('i'), dotAll: false })))!;
    expect(filter).not.toBeNull();
    const text = `${positives.join('\n')}\r\n${benign}`;
    const accepted = new Set(candidates(filter, text));
    for (const { rule, ast, flags } of parsed) {
      const re = new RegExp(printRegex(ast, { dialect: 'v8', ignoreCase: flags.includes('i'), dotAll: false, keepSecretGroup: false }), 'y');
      let hits = 0;
      for (let at = 0; at < text.length; at++) {
        re.lastIndex = at;
        if (!re.test(text)) continue;
        hits++;
        expect(accepted.has(at), `${rule.id} at ${at}`).toBe(true);
      }
      expect(hits, rule.id).toBeGreaterThan(0);
    }
  });
});

/** Rule sets the engine runs: the defaults, and with the detectors that are off by default turned on. */
const RULE_SETS = [
  ['default rules', selectRules()],
  ['every built-in rule', selectRules(Object.fromEntries(DETECTOR_CORPORA.flatMap((c) => c.enable ?? []).map((id) => [id, { enabled: true }])))],
] as const;

describe.each(RULE_SETS)('scanPass with the start filter (%s)', (_, rules) => {
  const compiled = compileRules(rules);
  const v8 = compiled.v8!;
  const scanAll = (text: string, filtered: boolean): Match[] => {
    const pass = filtered ? v8 : { ...v8, start: null };
    const bytes = Buffer.from(text, 'latin1');
    const matches: Match[] = [];
    let from = 0;
    for (;;) {
      const block = scanPass(compiled, pass, text, text, bytes, from, matches);
      if (!block) return matches;
      matches.push({ start: block.start, end: block.end, maskStart: -1, maskEnd: -1, rule: block.blockRule });
      from = block.end;
    }
  };

  it('is built for the built-in rules', () => {
    expect(v8.start).not.toBeNull();
  });

  it('finds the same matches as the plain scan on the corpora', () => {
    for (const text of [...positives, benign, positives.join(' ')]) expect(scanAll(text, true)).toEqual(scanAll(text, false));
  });

  it('finds the same matches as the plain scan on arbitrary mixes of secrets and noise', () => {
    const piece = fc.oneof(
      fc.constantFrom(...positives),
      fc.constantFrom(' ', '\n', '=', ':', '"', '-', '4111', 'Token', 'pass', 'A', 'gh', '://', 'é', '_'),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = Buffer.from(pieces.join(''), 'utf8').toString('latin1');
        expect(scanAll(text, true)).toEqual(scanAll(text, false));
      }),
      { numRuns: 500, seed: 4242 },
    );
  });
});

describe.each(RULE_SETS)('findPartialStart with the start filter (%s)', (_, rules) => {
  const compiled = compileRules(rules);
  const v8 = compiled.v8!;
  const unfiltered = { ...compiled, v8: { ...v8, start: null, partials: v8.partials.map((p) => ({ ...p, start: undefined })) } };
  const holdFrom = (text: string, filtered: boolean): number => {
    const bytes = Buffer.from(text, 'latin1');
    return findPartialStart(filtered ? compiled : unfiltered, text, 0, bytes);
  };

  it('holds back exactly what the unfiltered search holds, at every cut of every corpus secret', () => {
    for (const text of positives) {
      for (let cut = 1; cut <= text.length; cut++) {
        const prefix = `x ${text.slice(0, cut)}`;
        expect(holdFrom(prefix, true), prefix).toBe(holdFrom(prefix, false));
      }
    }
  });

  it('holds back exactly what the unfiltered search holds on arbitrary tails', () => {
    const piece = fc.oneof(
      fc.constantFrom(...positives.map((p) => p.slice(0, 12))),
      fc.constantFrom(' ', '\n', '=', ':', '"', '-', '4111 ', 'pass', 'A'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = Buffer.from(pieces.join(''), 'utf8').toString('latin1');
        expect(holdFrom(text, true)).toBe(holdFrom(text, false));
      }),
      { numRuns: 500, seed: 99 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULES } from './built-in-rules';
import { hoistLeadingLookbehind } from './hoist-lookbehind';
import { DETECTOR_CORPORA } from './corpus/all';
import { parseRegex } from './regex-ast';
import { maxLength, minLength, partialPattern } from './regex-analysis';
import { printRegex } from './regex-print';

const print = (pattern: string, flags = '') => {
  const parsed = parseRegex(pattern, flags);
  return printRegex(parsed.ast, { dialect: 'v8', ignoreCase: parsed.flags.includes('i'), dotAll: false, keepSecretGroup: true });
};

describe('regex analysis', () => {
  it('round-trips patterns, spelling out case-insensitivity', () => {
    expect(new RegExp(print('ab[c-e]{2,3}(?<secret>x|y)', 'i')).exec('xABdEy')?.[1]).toBe('y');
    expect(print('a(b)c')).toBe('a(?:b)c');
  });

  it('bounds match lengths', () => {
    expect(maxLength(parseRegex('AKIA[A-Z0-9]{16}').ast)).toBe(20);
    expect(maxLength(parseRegex('a+').ast)).toBe(Infinity);
    expect(minLength(parseRegex('a*|b').ast)).toBe(0);
  });

  it('declares every built-in maxLength at least as long as its longest match', () => {
    for (const rule of BUILT_IN_RULES.filter((r) => !r.block)) {
      expect(maxLength(parseRegex(rule.pattern).ast), rule.id).toBeLessThanOrEqual(rule.maxLength);
    }
  });

  it('partial patterns accept every proper prefix of every corpus positive at the end of the buffer', () => {
    for (const corpus of DETECTOR_CORPORA) {
      const rule = BUILT_IN_RULES.find((r) => r.id === corpus.ruleId)!;
      const parsed = parseRegex(rule.pattern, rule.flags);
      // Sticky, run on the text before the end too: lookbehinds at the start see their context.
      const partial = new RegExp(
        `(?:${printRegex(partialPattern(hoistLeadingLookbehind(parsed.ast)), { dialect: 'v8', ignoreCase: parsed.flags.includes('i'), dotAll: false, keepSecretGroup: false })})`,
        'y',
      );
      for (const { text } of corpus.positives) {
        const match = new RegExp(printRegex(parsed.ast, { dialect: 'v8', ignoreCase: parsed.flags.includes('i'), dotAll: false, keepSecretGroup: false })).exec(
          text,
        );
        const start = match?.index ?? 0;
        const limit = Math.min(start + (match?.[0].length ?? text.length), start + 120);
        for (let end = start + 1; end < limit; end++) {
          partial.lastIndex = start;
          expect(partial.test(text.slice(0, end)), `${rule.id}: ${JSON.stringify(text.slice(start, end))}`).toBe(true);
        }
      }
    }
  });

  it('partial patterns reject tails that cannot become a match', () => {
    const parsed = parseRegex(String.raw`\bAKIA[A-Z0-9]{16}\b`);
    const partial = new RegExp(`^(?:${printRegex(partialPattern(parsed.ast), { dialect: 'v8', ignoreCase: false, dotAll: false, keepSecretGroup: false })})`);
    for (const tail of ['AKIA', 'AK', 'AKIAABC']) expect(partial.test(tail), tail).toBe(true);
    for (const tail of ['AKIx', 'AKIA abc', 'B', 'AKIAabc']) expect(partial.test(tail), tail).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '@/server/errors/app-error';
import { selectRules } from './built-in-rules';
import { compileCustomRule, DEFAULT_CUSTOM_MAX_LENGTH } from './custom-rule';
import { createMasker } from './masker';
import { maskText } from './mask-text';

const compile = (pattern: string, extra: Partial<Parameters<typeof compileCustomRule>[0]> = {}) =>
  compileCustomRule({ id: 'r1', name: 'Employee ID', pattern, ...extra });

function rejection(pattern: string): string {
  try {
    compile(pattern);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION');
    return (error as AppError).fields?.pattern?.[0] ?? '';
  }
  throw new Error(`accepted ${pattern}`);
}

describe('compileCustomRule', () => {
  it('rejects patterns that do not compile', () => {
    expect(rejection('(abc')).toMatch(/compile/);
    expect(rejection('[z-a]')).toMatch(/compile/);
  });

  it('rejects patterns that match the empty string', () => {
    for (const pattern of ['a*', 'x?', '(?:)', '\\b', '(a|)', '^']) expect(rejection(pattern)).toMatch(/empty|compile/);
  });

  it('rejects what RE2 cannot run in linear time (lookarounds, back-references)', () => {
    expect(rejection('(?<=id:)\\d+')).toMatch(/compile/);
    expect(rejection('(a)\\1')).toMatch(/compile/);
  });

  it('runs backtracking-prone patterns in linear time', () => {
    const rule = compile('(a+)+b');
    const masker = createMasker([rule]);
    const evil = `${'a'.repeat(50_000)}!`;
    const start = performance.now();
    expect(maskText(masker, evil).output.toString()).toBe(evil);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(maskText(masker, 'x aaab y').output.toString()).toBe('x [MASKED:employee-id] y');
  });

  it('derives label, length bound and flags', () => {
    const rule = compile('EMP-\\d{6}', { caseInsensitive: true, replacement: '[EMP]' });
    expect(rule).toMatchObject({ id: 'custom:r1', label: '[EMP]', maxLength: 10, flags: 'i', engine: 're2' });
    expect(compile('EMP-\\d+').maxLength).toBe(DEFAULT_CUSTOM_MAX_LENGTH);
  });

  it('masks alongside the built-ins, identically however the stream is split', () => {
    const masker = createMasker(
      selectRules({}, [compile('EMP-\\d{6}', { caseInsensitive: true }), compileCustomRule({ id: 'r2', name: 'ticket', pattern: 'TCK(?<secret>[0-9]{4})' })]),
    );
    const text = 'emp-123456 owns AKIAIOSFODNN7EXAMPLE and TCK1234; card 4111 1111 1111 1111\n';
    const whole = maskText(masker, text);
    expect(whole.output.toString()).toBe('[MASKED:employee-id] owns [MASKED:aws-key] and TCK[MASKED:ticket]; card [MASKED:card]1111\n');
    const bytes = Buffer.from(text);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(maskText(masker, [bytes.subarray(0, cut), bytes.subarray(cut)]).output.toString()).toBe(whole.output.toString());
    }
  });
});

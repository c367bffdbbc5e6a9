import RE2 from 're2';
import { AppError } from '@/server/errors/app-error';
import { parseRegex, RegexSyntaxError } from './regex-ast';
import { maxLength as astMaxLength, minLength } from './regex-analysis';
import type { MaskRule, MaskStrategy } from './types';

/** Longest match of an unbounded custom pattern that is still held back whole across frames. */
export const DEFAULT_CUSTOM_MAX_LENGTH = 256;
const MAX_PATTERN_LENGTH = 1000;

export interface CustomRuleInput {
  /** Stable id from the database; the rule's id becomes `custom:<id>`. */
  id: string;
  name: string;
  pattern: string;
  /** Replacement text; defaults to `[MASKED:<name>]`. */
  replacement?: string;
  strategy?: MaskStrategy;
  caseInsensitive?: boolean;
  enabled?: boolean;
}

/**
 * Validates an admin-defined rule and turns it into rule data. Custom rules always run on RE2
 * (linear time: no catastrophic backtracking whatever the pattern), so lookarounds and
 * back-references are rejected. Also rejected: patterns that do not compile, that can match
 * the empty string, or that use syntax the streaming analysis does not understand.
 * Throws `AppError('VALIDATION')` with `fields.pattern`.
 */
export function compileCustomRule(input: CustomRuleInput): MaskRule {
  const reject = (message: string): never => {
    throw new AppError('VALIDATION', { message: `Invalid masking rule pattern: ${message}`, fields: { pattern: [message] } });
  };
  const pattern = input.pattern;
  if (pattern.length === 0) reject('The pattern is empty.');
  if (pattern.length > MAX_PATTERN_LENGTH) reject(`The pattern is longer than ${MAX_PATTERN_LENGTH} characters.`);
  const flags = input.caseInsensitive ? 'i' : '';
  try {
    new RE2(pattern, `g${flags}`);
  } catch (error) {
    reject(`It does not compile: ${(error as Error).message}`);
  }
  let parsed: ReturnType<typeof parseRegex>;
  try {
    parsed = parseRegex(pattern, flags);
  } catch (error) {
    if (error instanceof RegexSyntaxError) reject(error.message);
    throw error;
  }
  if (minLength(parsed.ast) === 0 || new RE2(pattern, flags).test('')) reject('It can match the empty string.');
  const bounded = astMaxLength(parsed.ast);
  const name = input.name.trim() || 'custom';
  return {
    id: `custom:${input.id}`,
    name,
    label: input.replacement ?? `[MASKED:${slug(name)}]`,
    strategy: input.strategy ?? 'label',
    pattern,
    flags: parsed.flags,
    maxLength: Number.isFinite(bounded) ? Math.min(bounded, 64 * 1024) : DEFAULT_CUSTOM_MAX_LENGTH,
    enabledByDefault: input.enabled ?? true,
    engine: 're2',
  };
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'custom'
  );
}

import { ZodError, type core } from 'zod';
import { AppError, type FieldErrors } from './app-error';
import { log } from '../log/logger';

/** Field errors keyed by dotted path, ready to show next to each form field. */
export function zodFieldErrors(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    (fields[key] ??= []).push(inWords(issue));
  }
  return fields;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/**
 * zod's own message for a missing or mistyped value ("Invalid input: expected string, received
 * undefined") in words a person reads; a schema's own messages are kept as they are.
 */
function inWords(issue: core.$ZodIssue): string {
  if ((issue.code === 'too_small' || issue.code === 'too_big') && /^Too (small|big): expected /.test(issue.message)) return boundInWords(issue);
  if (issue.code === 'invalid_value' && /^Invalid (option|input): expected /.test(issue.message)) {
    return issue.values.length === 1 ? `Must be ${String(issue.values[0])}` : `Pick one of: ${issue.values.map(String).join(', ')}`;
  }
  if (issue.code === 'invalid_format' && issue.message === 'Invalid UUID') return 'Not a valid id';
  if (issue.code !== 'invalid_type' || !issue.message.startsWith('Invalid input: expected ')) return issue.message;
  if (issue.message.endsWith('received undefined')) return 'Required';
  return `Expected ${EXPECTED[issue.expected] ?? issue.expected}`;
}

const UNITS: Record<string, string> = { string: 'character', array: 'item', set: 'item', file: 'byte' };

/** zod's own bound ("Too small: expected number to be >=1") in words: `Must be at least 1`, `Must have at most 50 items`. */
function boundInWords(issue: core.$ZodIssueTooSmall | core.$ZodIssueTooBig): string {
  const isSmall = issue.code === 'too_small';
  const bound = isSmall ? issue.minimum : issue.maximum;
  const relation = issue.inclusive ? (isSmall ? 'at least' : 'at most') : isSmall ? 'more than' : 'less than';
  const unit = UNITS[issue.origin] ?? '';
  return unit ? `Must have ${relation} ${String(bound)} ${unit}${Number(bound) === 1 ? '' : 's'}` : `Must be ${relation} ${String(bound)}`;
}

/** Normalizes anything thrown into an AppError; unknown errors are logged, never shown. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    const fields = zodFieldErrors(error);
    // In words, without the field's code name ("endT: …"): forms show each field's message
    // next to the field, and API clients get the paths in `fields`.
    const first = Object.values(fields)[0]?.[0];
    return new AppError('VALIDATION', { userMessage: first ? asSentence(first) : 'Some fields are not valid.', fields });
  }
  log().error({ err: error }, 'unexpected error');
  return new AppError('INTERNAL');
}

/** `the end must be after the start` → `The end must be after the start.` */
function asSentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

import { ZodError } from 'zod';
import { AppError, type FieldErrors } from './app-error';

/** Field errors keyed by dotted path, ready to show next to each form field. */
export function zodFieldErrors(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** Normalizes anything thrown into an AppError; unknown errors are logged, never shown. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    const fields = zodFieldErrors(error);
    const first = Object.entries(fields)[0];
    return new AppError('VALIDATION', {
      userMessage: first ? `${first[0]}: ${first[1][0]}` : 'Some fields are not valid.',
      fields,
    });
  }
  console.error('[porthole] unexpected error:', error);
  return new AppError('INTERNAL');
}

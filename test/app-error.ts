import { expect } from 'vitest';
import { AppError, type ErrorCode } from '@/server/errors/app-error';
import { toAppError } from '@/server/errors/to-app-error';

/**
 * Awaits a promise that must fail and returns the error as a client would receive it
 * (AppError as is, ZodError as a VALIDATION error with fields), checking its code.
 */
export async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  const outcome = await promise.then(
    (value: unknown) => ({ isRejected: false as const, value }),
    (error: unknown) => ({ isRejected: true as const, error }),
  );
  if (!outcome.isRejected) throw new Error(`expected a ${code} error, but it resolved with ${JSON.stringify(outcome.value)}`);
  if (!(outcome.error instanceof AppError) && !(outcome.error instanceof Error && outcome.error.name === 'ZodError')) {
    throw outcome.error;
  }
  const appError = toAppError(outcome.error);
  expect(appError.code, appError.message).toBe(code);
  return appError;
}

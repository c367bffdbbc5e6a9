import { AppError } from '../errors/app-error';

/**
 * A NUL or half a surrogate pair somewhere in the input: refused before any write, in words (as
 * toAppError words a validation error), the field's path in `fields` for forms and API clients.
 */
export function unstorableTextError(field: string): AppError {
  return new AppError('VALIDATION', {
    userMessage: 'Text may not contain NUL characters or broken Unicode (half a surrogate pair).',
    fields: { [field]: ['No NUL characters or broken Unicode'] },
  });
}

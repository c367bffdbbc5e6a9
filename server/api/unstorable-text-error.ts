import { AppError } from '../errors/app-error';

/** A NUL or half a surrogate pair somewhere in the input: refused with the field named, before any write. */
export function unstorableTextError(field: string): AppError {
  return new AppError('VALIDATION', {
    userMessage: `${field}: text may not contain NUL characters or broken Unicode (half a surrogate pair).`,
    fields: { [field]: ['No NUL characters or broken Unicode'] },
  });
}

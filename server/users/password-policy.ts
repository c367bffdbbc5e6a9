import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { AppError } from '../errors/app-error';

/**
 * The one password policy, for every place a password is set (an admin creating a user, the
 * setup link, a password change, PORTHOLE_ADMIN_PASSWORD). The length limits sit in the zod
 * schema; this rejects what is easy to guess: zxcvbn's lists of common passwords and words,
 * keyboard walks, repeats, dates, and the account's own e-mail and name.
 *
 * Score 3 of 4 ("safely unguessable", about 10^8 guesses or more) is zxcvbn's advice for
 * passwords stored with a slow hash behind login limits, as here.
 */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

// Ranking the dictionaries takes a moment: done on first use, not by every importer.
function getEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    translations: english.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
  });
  return estimator;
}

/** Parts of the account a password must not be built from. */
function personalWords({ email, name }: { email?: string; name?: string }): string[] {
  const words = [email, email?.split('@')[0], name, ...(name?.split(/\s+/) ?? [])];
  return words.filter((word): word is string => Boolean(word && word.length >= 3));
}

/** Why the password is too easy to guess, in the library's words; undefined when it is fine. */
export function passwordWeakness(password: string, account: { email?: string; name?: string } = {}): string | undefined {
  const result = getEstimator().check(password, personalWords(account));
  if (result.score >= MIN_PASSWORD_SCORE) return undefined;
  const { warning, suggestions } = result.feedback;
  return [warning || 'This password is easy to guess.', ...suggestions].join(' ');
}

/** Throws a VALIDATION error with the reason next to the form's password field. */
export function assertPasswordAllowed(password: string, { field = 'password', ...account }: { field?: string; email?: string; name?: string } = {}): void {
  const weakness = passwordWeakness(password, account);
  if (weakness) throw new AppError('VALIDATION', { userMessage: 'Choose a password that is harder to guess.', fields: { [field]: [weakness] } });
}

import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { assertPasswordAllowed, passwordWeakness } from './password-policy';

function thrown(fn: () => void): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('password policy', () => {
  it.each([
    ['aaaaaaaaaaaa', /Repeated characters/],
    ['password1234', /commonly used password/],
    ['qwertyuiop123', /commonly used password/],
    ['Password123!', /commonly used password/],
  ])('rejects %s, saying why', (password, why) => {
    expect(passwordWeakness(password)).toMatch(why);
  });

  it('accepts a passphrase of uncommon words, and the passwords the tests and demo use', () => {
    for (const password of ['winter harbour lantern quietly', 'correct horse battery staple', 'a long admin passphrase', 'porthole-admin']) {
      expect(passwordWeakness(password), password).toBeUndefined();
    }
  });

  it("rejects a password built from the account's own e-mail", () => {
    expect(passwordWeakness('ada.lovelace@example.test')).toBeUndefined();
    expect(passwordWeakness('ada.lovelace@example.test', { email: 'ada.lovelace@example.test' })).toMatch(/personal/);
  });

  it('puts the reason next to the named form field', () => {
    const error = thrown(() => assertPasswordAllowed('password1234', { field: 'newPassword' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.fields?.newPassword?.[0]).toMatch(/commonly used password/);
    expect(error.userMessage).toBe('Choose a password that is harder to guess.');
  });
});

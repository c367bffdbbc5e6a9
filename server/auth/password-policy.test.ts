import { describe, expect, it } from 'vitest';
import { rejectsWith } from '@/test/app-error';
import { assertPasswordAllowed, passwordWeakness } from './password-policy';

describe('password policy', () => {
  it.each([
    ['aaaaaaaaaaaa', /Repeated characters/],
    ['password1234', /commonly used password/],
    ['qwertyuiop123', /commonly used password/],
    ['Password123!', /commonly used password/],
  ])('rejects %s, saying why', async (password, why) => {
    expect(await passwordWeakness(password)).toMatch(why);
  });

  it('accepts a passphrase of uncommon words, and the passwords the tests and demo use', async () => {
    for (const password of ['winter harbour lantern quietly', 'correct horse battery staple', 'a long admin passphrase', 'porthole-admin']) {
      expect(await passwordWeakness(password), password).toBeUndefined();
    }
  });

  it("rejects a password built from the account's own e-mail", async () => {
    expect(await passwordWeakness('ada.lovelace@example.test')).toBeUndefined();
    expect(await passwordWeakness('ada.lovelace@example.test', { email: 'ada.lovelace@example.test' })).toMatch(/personal/);
  });

  it('puts the reason next to the named form field', async () => {
    const error = await rejectsWith(assertPasswordAllowed('password1234', { field: 'newPassword' }), 'VALIDATION');
    expect(error.fields?.newPassword?.[0]).toMatch(/commonly used password/);
    expect(error.userMessage).toBe('Choose a password that is harder to guess.');
  });
});

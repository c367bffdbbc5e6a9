import { expect, it } from 'vitest';
import { signInErrorMessage, signInErrorUrl } from './sign-in-error';

const paramsOf = (url: string) => new URL(url, 'http://localhost').searchParams;

it('shows Porthole’s own refusal only with its signature, and next-auth’s codes as sentences', () => {
  const refusal = 'This account is disabled. Ask an admin to enable it.';
  const params = paramsOf(signInErrorUrl(refusal));
  expect(signInErrorMessage(params.get('error') ?? undefined, params.get('sig') ?? undefined)).toBe(refusal);
  expect(signInErrorMessage('OAuthCallback', undefined)).toBe('The identity provider sign-in did not complete. Try again.');
  expect(signInErrorMessage(undefined, undefined)).toBeUndefined();
});

it('never shows the words of a link as they are: a phishing text, or a signed message changed', () => {
  const phishing = 'Your account is locked. Call IT at +1-555-0100.';
  expect(signInErrorMessage(phishing, undefined)).toBe('Sign-in failed. Try again.');
  const params = paramsOf(signInErrorUrl('This account is disabled.'));
  expect(signInErrorMessage(phishing, params.get('sig') ?? undefined)).toBe('Sign-in failed. Try again.');
  expect(signInErrorMessage(phishing, 'not-base64url-!!')).toBe('Sign-in failed. Try again.');
});

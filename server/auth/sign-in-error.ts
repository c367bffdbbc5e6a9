import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveKey } from '../crypto/master-key';

/** next-auth's own error codes (`/login?error=OAuthCallback`), as sentences. */
const NEXT_AUTH_ERRORS: Record<string, string> = {
  OAuthSignin: 'Could not reach the identity provider. Try again.',
  OAuthCallback: 'The identity provider sign-in did not complete. Try again.',
  OAuthAccountNotLinked: 'This e-mail is linked to another sign-in method.',
  Callback: 'The sign-in did not complete. Try again.',
  AccessDenied: 'Access denied.',
  SessionRequired: 'Sign in to continue.',
};
const DEFAULT_MESSAGE = 'Sign-in failed. Try again.';

function signature(message: string): Buffer {
  return createHmac('sha256', deriveKey('sign-in-error')).update(message).digest();
}

/** The login page saying why single sign-on refused someone: the message, signed so that no one else can put words there. */
export function signInErrorUrl(message: string): string {
  return `/login?error=${encodeURIComponent(message)}&sig=${signature(message).toString('base64url')}`;
}

/**
 * What the login page shows for `?error=…&sig=…`: a next-auth code's sentence, Porthole's own
 * message when its signature holds, or a general failure. Never the text of the link as it is:
 * `/login?error=Call IT at …` would be a phishing page on Porthole's own address.
 */
export function signInErrorMessage(error: string | undefined, sig: string | undefined): string | undefined {
  if (!error) return undefined;
  const known = NEXT_AUTH_ERRORS[error];
  if (known) return known;
  const given = Buffer.from(sig ?? '', 'base64url');
  const expected = signature(error);
  return given.length === expected.length && timingSafeEqual(given, expected) ? error : DEFAULT_MESSAGE;
}

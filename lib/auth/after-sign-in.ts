/** Where a sign-in goes when it was asked for without a page to return to, or with one that is not Porthole's. */
export const DEFAULT_AFTER_SIGN_IN = '/resources';

const BASE = 'http://porthole.invalid';

/**
 * The page of this site to open after signing in (`/login?callbackUrl=…`), or the default.
 * Read as a browser reads it: `/\evil.example` and `/\t/evil.example` are other sites to a
 * browser (a backslash is a slash, tabs are dropped) although they start with one slash, so
 * a prefix test is not enough: the URL is resolved and must stay on this origin.
 */
export function afterSignInPath(callbackUrl: string | undefined): string {
  if (!callbackUrl?.startsWith('/')) return DEFAULT_AFTER_SIGN_IN;
  let url: URL;
  try {
    url = new URL(callbackUrl, BASE);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : DEFAULT_AFTER_SIGN_IN;
}

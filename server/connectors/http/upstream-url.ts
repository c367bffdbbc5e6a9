import { AppError } from '../../errors/app-error';

const refused = (why: string) => new AppError('BAD_REQUEST', { userMessage: `Porthole refused the path: ${why}` });

/** Characters a path may carry as they are; anything else is percent-encoded (a space typed in the console). */
const UNRESERVED_PATH = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/g;

/**
 * Checks a request path relative to the base URL and returns it encoded. The engineer may only
 * reach what lies under the base URL: `..` and `.` segments (also percent-encoded), `//host`,
 * absolute URLs, backslashes and encoded slashes are refused, not normalized, so what is
 * recorded is what was sent.
 */
export function checkRelativePath(path: string): string {
  if (!path.startsWith('/')) throw refused('it must start with /.');
  if (path.startsWith('//')) throw refused('it may not name another host (//).');

  if (/[\u0000-\u001f\u007f\\#?]/.test(path)) throw refused('it may not contain control characters, \\, # or ? (put the query in its own fields).');
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    throw refused('it has a % that is not followed by two hex digits.');
  }
  if (/[\\\u0000]/.test(decoded) || /%2f/i.test(path)) throw refused('it may not contain an encoded / or \\.');
  if (decoded.split('/').some((segment) => segment === '.' || segment === '..')) throw refused('it may not leave the base URL (. and .. segments).');
  return path.replace(UNRESERVED_PATH, (c) => encodeURIComponent(c));
}

/** The upstream URL: the base URL's path followed by the request's, and the query pairs. */
export function upstreamUrl(baseUrl: string, path: string, query: readonly (readonly [string, string])[]): URL {
  const base = new URL(baseUrl);
  const url = new URL(base.origin);
  url.pathname = base.pathname.replace(/\/+$/, '') + checkRelativePath(path);
  for (const [name, value] of query) url.searchParams.append(name, value);
  // Belt and braces: whatever the URL parser made of it, it is still under the base URL.
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname.replace(/\/+$/, ''))) throw refused('it leaves the base URL.');
  return url;
}

/** The URL as the console, the recording and the command index show it: relative to the base URL. */
export function relativeUrl(path: string, query: readonly (readonly [string, string])[]): string {
  const search = new URLSearchParams(query.map(([name, value]) => [name, value])).toString();
  return search ? `${path}?${search}` : path;
}

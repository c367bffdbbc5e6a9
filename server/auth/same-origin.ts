import { env } from '../env';

/**
 * One rule for every request a browser makes with Porthole's cookie: API calls, server
 * actions and WebSocket upgrades must come from Porthole's own pages (PORTHOLE_PUBLIC_URL).
 * SameSite=Lax cookies do not separate same-site origins (another port of the same host, a
 * sibling subdomain), and a cross-origin "simple" request (text/plain, a form post) reaches the
 * server before CORS could stop it; so the server checks where the request came from.
 */

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isStateChanging(method: string): boolean {
  return STATE_CHANGING.has(method.toUpperCase());
}

/** A browser's Origin must be Porthole's own public origin (cross-site request forgery, WebSocket hijacking). */
export function isAllowedOrigin(origin: string, publicUrl: string = env().publicUrl): boolean {
  try {
    return new URL(origin).origin === new URL(publicUrl).origin;
  } catch {
    return false;
  }
}

type HeaderSource = { get(name: string): string | null };

/**
 * Why a state-changing browser request is refused, or undefined when it came from Porthole's
 * pages. Browsers send Origin on every POST, PUT, PATCH and DELETE; without it, only
 * `Sec-Fetch-Site: same-origin` vouches for the request. Neither: refused (fail closed).
 */
export function crossOriginRefusal(headers: HeaderSource, publicUrl: string = env().publicUrl): string | undefined {
  const origin = headers.get('origin');
  if (origin !== null)
    return isAllowedOrigin(origin, publicUrl)
      ? undefined
      : `Requests from ${origin === 'null' ? 'an opaque origin' : origin} are not accepted; use Porthole at ${publicUrl}.`;
  if (headers.get('sec-fetch-site') === 'same-origin') return undefined;
  return `The request does not say where it came from (no Origin header); use Porthole at ${publicUrl}.`;
}

/**
 * A JSON API body must be labelled application/json: a cross-origin page can send text/plain
 * or form bodies without a CORS preflight, but not application/json. A request without a body
 * needs no label.
 */
export function hasJsonBodyOrNone(headers: HeaderSource): boolean {
  const type = headers.get('content-type');
  if (type !== null) return /^application\/json\s*(;|$)/i.test(type.trim());
  const length = headers.get('content-length');
  return headers.get('transfer-encoding') === null && (length === null || length.trim() === '0');
}

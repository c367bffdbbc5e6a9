import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** Headers that belong to one connection, never forwarded (RFC 9110 §7.6.1), plus the ones Node sets itself. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'expect',
]);

/**
 * Never sent upstream: the client's Authorization carries its Porthole token (the upstream
 * credential is Porthole's to inject), a browser's cookies are Porthole's session, and
 * forwarding headers come from the client, so they are not trusted.
 */
const NOT_UPSTREAM = new Set([
  'authorization',
  'cookie',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
]);

/**
 * Never sent back: the response is served from Porthole's own origin, so an upstream cookie
 * would be set on Porthole's domain (it could overwrite the sign-in cookie).
 */
const NOT_DOWNSTREAM = new Set(['set-cookie', 'set-cookie2', 'alt-svc', 'strict-transport-security', 'content-security-policy']);

/**
 * On every proxied response: the body is the upstream's, served from Porthole's origin, so a
 * browser must not run it as a Porthole page (no scripts, no same-origin access) nor sniff it.
 */
export const PROXY_RESPONSE_HEADERS = {
  'content-security-policy': "sandbox; default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
} as const;

/** Names the Connection header lists are hop-by-hop for this message too. */
function connectionTokens(value: string | string[] | number | undefined): Set<string> {
  const text = Array.isArray(value) ? value.join(',') : String(value ?? '');
  return new Set(
    text
      .split(',')
      .map((token) => token.trim().toLowerCase())
      .filter(Boolean),
  );
}

function isPortholeHeader(name: string): boolean {
  return name.startsWith('x-porthole-');
}

/** The client's headers as sent upstream, as name/value pairs (repeated headers stay repeated). */
export function upstreamRequestHeaders(headers: IncomingHttpHeaders): [string, string][] {
  const listed = connectionTokens(headers.connection);
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || NOT_UPSTREAM.has(name) || listed.has(name) || isPortholeHeader(name)) continue;
    for (const one of Array.isArray(value) ? value : [value]) pairs.push([name, one]);
  }
  return pairs;
}

/** The upstream's response headers as sent to the client, with Porthole's own on top. */
export function downstreamResponseHeaders(headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>): OutgoingHttpHeaders {
  const listed = connectionTokens(headers.connection);
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (value === undefined || HOP_BY_HOP.has(lower) || NOT_DOWNSTREAM.has(lower) || listed.has(lower)) continue;
    out[lower] = value;
  }
  return { ...out, ...PROXY_RESPONSE_HEADERS };
}

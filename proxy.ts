import { NextResponse, type NextRequest } from 'next/server';
import { crossOriginRefusal, isStateChanging } from '@/server/auth/same-origin';
import { env } from '@/server/env';
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from '@/server/http/security-headers';

/**
 * Runs before every page, server action and route handler (not static files):
 * - an address holding a NUL character is refused (no query can store or compare one);
 * - a change sent to a page is a server action (with JS, a Next-Action header; without, a
 *   form post): it must come from Porthole's own pages, the rule /api/v1 and sockets use too.
 *   /api/v1 applies it in withApi, where it knows a cookie from an API token; next-auth's
 *   /api/auth has its own CSRF token.
 * - a per-request nonce for the Content-Security-Policy, read by Next.js from the request's
 *   CSP header (and by the root layout from x-nonce) while it renders.
 */
export function proxy(request: NextRequest): NextResponse {
  const config = env();
  // A NUL in the address (`?q=%00`) reaches no database query: a clear 400, not an internal error.
  if (/%00/.test(request.nextUrl.pathname + request.nextUrl.search)) {
    return NextResponse.json(
      { error: { code: 'BAD_REQUEST', message: 'The address contains a NUL character (%00).' } },
      { status: 400, headers: { 'cache-control': 'no-store' } },
    );
  }
  if (isStateChanging(request.method) && !request.nextUrl.pathname.startsWith('/api/')) {
    const refusal = crossOriginRefusal(request.headers, config.publicUrl);
    if (refusal) {
      return NextResponse.json({ error: { code: 'CROSS_SITE_REQUEST', message: refusal } }, { status: 403, headers: { 'cache-control': 'no-store' } });
    }
  }
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, publicUrl: config.publicUrl, isDev: config.isDev });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  const hsts = strictTransportSecurity(config.publicUrl);
  if (hsts) response.headers.set('strict-transport-security', hsts);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'],
};

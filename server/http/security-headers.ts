import { randomBytes } from 'node:crypto';

/** A fresh, unguessable nonce for one page render. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The Content-Security-Policy of one response. Scripts run only with this request's nonce
 * (Next.js puts it on its own scripts, the root layout on the theme script); scripts they load
 * are trusted through 'strict-dynamic', so no host list and no 'unsafe-inline'.
 */
export function contentSecurityPolicy({ nonce, publicUrl, isDev }: { nonce: string; publicUrl: string; isDev: boolean }): string {
  const url = new URL(publicUrl);
  const socketOrigin = `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
  const directives = [
    "default-src 'self'",
    // 'unsafe-eval' only in development: React rebuilds server error stacks with eval there.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    // xterm.js and Monaco set element styles and insert <style> elements at run time; a
    // style nonce would switch 'unsafe-inline' off, so there is none. Styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // The terminal and SQL console sockets; 'self' covers ws: only in newer browsers.
    `connect-src 'self' ${socketOrigin}`,
    // Monaco's editor worker is a bundled same-origin script.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (url.protocol === 'https:') directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/**
 * HSTS when Porthole is served over HTTPS: browsers then never try plain HTTP for this host.
 * Without includeSubDomains: Porthole does not own its sibling hosts.
 */
export function strictTransportSecurity(publicUrl: string): string | undefined {
  return new URL(publicUrl).protocol === 'https:' ? 'max-age=31536000' : undefined;
}

import { expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from './security-headers';

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `));

it('allows scripts only by this request nonce, never inline or eval in production', () => {
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, publicUrl: 'https://porthole.example.com', isDev: false });
  const scripts = directive(policy, 'script-src');
  expect(scripts).toContain(`'nonce-${nonce}'`);
  expect(scripts).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(directive(policy, 'object-src')).toBe("object-src 'none'");
  expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
  expect(directive(policy, 'connect-src')).toBe("connect-src 'self' wss://porthole.example.com");
  expect(policy).toContain('upgrade-insecure-requests');
});

it('adds eval only in development, ws: for plain http, and a fresh nonce each time', () => {
  const policy = contentSecurityPolicy({ nonce: 'n', publicUrl: 'http://localhost:3000', isDev: true });
  expect(directive(policy, 'script-src')).toContain("'unsafe-eval'");
  expect(directive(policy, 'connect-src')).toBe("connect-src 'self' ws://localhost:3000");
  expect(policy).not.toContain('upgrade-insecure-requests');
  expect(newNonce()).not.toBe(newNonce());
});

it('sends HSTS only when the public URL is https', () => {
  expect(strictTransportSecurity('https://porthole.example.com')).toBe('max-age=31536000');
  expect(strictTransportSecurity('http://localhost:3000')).toBeUndefined();
});

import { describe, expect, it } from 'vitest';
import { clientAddress, normalizeAddress, parseTrustedProxies } from './client-address';

const proxies = parseTrustedProxies('10.0.0.0/8, 2001:db8:a::/48, loopback');

describe('clientAddress', () => {
  it('trusting nobody, is the socket address whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.5', '198.51.100.1', undefined)).toBe('203.0.113.5');
    expect(clientAddress('::ffff:127.0.0.1', '198.51.100.1', undefined)).toBe('127.0.0.1');
    expect(clientAddress(undefined, '198.51.100.1', undefined)).toBe('unknown');
  });

  it('ignores X-Forwarded-For from a client that is not a trusted proxy', () => {
    expect(clientAddress('203.0.113.5', '198.51.100.1', proxies)).toBe('203.0.113.5');
  });

  it('walks a chain of trusted proxies from the right to the first untrusted hop', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(clientAddress('::1', '198.51.100.1, 10.1.2.3, 10.9.9.9', proxies)).toBe('198.51.100.1');
    // Two X-Forwarded-For headers count as one list.
    expect(clientAddress('127.0.0.1', ['198.51.100.1', '10.1.2.3'], proxies)).toBe('198.51.100.1');
  });

  it('never believes entries left of the first untrusted hop (what the client sent itself)', () => {
    expect(clientAddress('127.0.0.1', '1.1.1.1, 10.0.0.7, 198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(clientAddress('127.0.0.1', 'garbage, 198.51.100.1', proxies)).toBe('198.51.100.1');
  });

  it('when every hop is a trusted proxy, is the furthest one', () => {
    expect(clientAddress('127.0.0.1', '10.0.0.2, 10.0.0.1', proxies)).toBe('10.0.0.2');
  });

  it('stops at a malformed hop written by a trusted proxy, at the last address known good', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.1, not-an-ip', proxies)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '198.51.100.1, , 10.0.0.1', proxies)).toBe('10.0.0.1');
    expect(clientAddress('127.0.0.1', '', proxies)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', 'unknown', proxies)).toBe('127.0.0.1');
  });

  it('reads IPv6 hops, with or without brackets and port, in one spelling', () => {
    expect(clientAddress('2001:db8:a::1', '2001:DB8:B:0:0::1', proxies)).toBe('2001:db8:b::1');
    expect(clientAddress('::1', '[2001:db8:b::2]:51234, 2001:db8:a::9', proxies)).toBe('2001:db8:b::2');
    expect(clientAddress('127.0.0.1', '198.51.100.1:4711', proxies)).toBe('198.51.100.1');
    // An IPv4-mapped peer matches the IPv4 rules.
    expect(clientAddress('::ffff:10.0.0.1', '198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(clientAddress('127.0.0.1', '::ffff:198.51.100.1', proxies)).toBe('198.51.100.1');
  });
});

describe('normalizeAddress', () => {
  it('refuses what is no address', () => {
    for (const text of ['', 'unknown', '_hidden', '1.2.3', '01.2.3.4', '1.2.3.4.5', '[::1', 'example.com']) expect(normalizeAddress(text)).toBeUndefined();
  });
});

import { expect, it } from 'vitest';
import { crossOriginRefusal, hasJsonBodyOrNone, isAllowedOrigin, isStateChanging } from './same-origin';

const PUBLIC_URL = 'https://porthole.example.com';
const headersOf = (entries: Record<string, string>) => new Headers(entries);

it('accepts only the public origin itself: not another port, scheme or sibling subdomain', () => {
  expect(isAllowedOrigin('https://porthole.example.com', PUBLIC_URL)).toBe(true);
  expect(isAllowedOrigin('https://porthole.example.com:443', PUBLIC_URL)).toBe(true);
  for (const other of [
    'https://porthole.example.com:8443',
    'http://porthole.example.com',
    'https://wiki.example.com',
    'https://evil.porthole.example.com',
    'null',
    'garbage',
  ]) {
    expect(isAllowedOrigin(other, PUBLIC_URL), other).toBe(false);
  }
});

it('lets a state-changing browser request through only from the public origin', () => {
  expect(crossOriginRefusal(headersOf({ origin: PUBLIC_URL }), PUBLIC_URL)).toBeUndefined();
  expect(crossOriginRefusal(headersOf({ origin: 'https://porthole.example.com:8443' }), PUBLIC_URL)).toMatch(/porthole\.example\.com:8443 are not accepted/);
  expect(crossOriginRefusal(headersOf({ origin: 'null' }), PUBLIC_URL)).toMatch(/opaque origin/);
  // A cross-origin Origin wins over a same-origin claim in another header.
  expect(crossOriginRefusal(headersOf({ origin: 'https://wiki.example.com', 'sec-fetch-site': 'same-origin' }), PUBLIC_URL)).toBeDefined();
});

it('without Origin, trusts only Sec-Fetch-Site: same-origin; no header at all is refused', () => {
  expect(crossOriginRefusal(headersOf({ 'sec-fetch-site': 'same-origin' }), PUBLIC_URL)).toBeUndefined();
  for (const site of ['same-site', 'cross-site', 'none']) expect(crossOriginRefusal(headersOf({ 'sec-fetch-site': site }), PUBLIC_URL), site).toBeDefined();
  expect(crossOriginRefusal(headersOf({}), PUBLIC_URL)).toMatch(/no Origin header/);
});

it('asks a body to be labelled application/json; no body needs no label', () => {
  expect(hasJsonBodyOrNone(headersOf({ 'content-type': 'application/json' }))).toBe(true);
  expect(hasJsonBodyOrNone(headersOf({ 'content-type': 'Application/JSON; charset=utf-8' }))).toBe(true);
  expect(hasJsonBodyOrNone(headersOf({}))).toBe(true);
  expect(hasJsonBodyOrNone(headersOf({ 'content-length': '0' }))).toBe(true);
  for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx']) {
    expect(hasJsonBodyOrNone(headersOf({ 'content-type': type })), type).toBe(false);
  }
  expect(hasJsonBodyOrNone(headersOf({ 'content-length': '12' }))).toBe(false);
  expect(hasJsonBodyOrNone(headersOf({ 'transfer-encoding': 'chunked' }))).toBe(false);
});

it('treats POST, PUT, PATCH and DELETE as changes, reads as not', () => {
  for (const method of ['POST', 'put', 'PATCH', 'DELETE']) expect(isStateChanging(method), method).toBe(true);
  for (const method of ['GET', 'HEAD', 'OPTIONS']) expect(isStateChanging(method), method).toBe(false);
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNonPublicAddress } from './address-policy';
import { checkedLookup, isRefusedLiteral, RefusedAddressError, resolveChecked, type AddressCheck } from './checked-lookup';

/** No name rule: only what the names resolve to decides. */
const publicOnly: AddressCheck = { isRefused: isNonPublicAddress, reason: 'not public' };

let server: http.Server;
let port: number;
let hits = 0;
beforeAll(async () => {
  server = http.createServer((_req, res) => {
    hits++;
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(url: string, lookup?: ReturnType<typeof checkedLookup>): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { lookup, agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

describe('checked resolution', () => {
  it('refuses a name that resolves to a refused address, and IP literals however written', async () => {
    await expect(resolveChecked('localhost', publicOnly)).rejects.toThrow(RefusedAddressError);
    await expect(resolveChecked('localhost', publicOnly)).rejects.toThrow(/localhost resolves to (127\.0\.0\.1|::1), not public/);
    await expect(resolveChecked('2130706433', publicOnly)).rejects.toThrow(/resolves to 127\.0\.0\.1/);
    await expect(resolveChecked('[::1]', publicOnly)).rejects.toThrow(RefusedAddressError);
    expect(await resolveChecked('8.8.8.8', publicOnly)).toEqual([{ address: '8.8.8.8', family: 4 }]);
    expect(isRefusedLiteral('0x7f000001', publicOnly)).toBe(true);
    expect(isRefusedLiteral('2130706433', publicOnly)).toBe(true);
    expect(isRefusedLiteral('hooks.slack.com', publicOnly)).toBe(false);
  });

  it('as a socket lookup, never connects to a refused address', async () => {
    expect(await get(`http://localhost:${port}/`)).toBe(200);
    const before = hits;
    await expect(get(`http://localhost:${port}/`, checkedLookup(publicOnly))).rejects.toThrow(RefusedAddressError);
    expect(hits).toBe(before);
    // Allowed addresses pass through to the connection.
    const loopbackOk: AddressCheck = { isRefused: () => false, reason: '' };
    expect(await get(`http://localhost:${port}/`, checkedLookup(loopbackOk))).toBe(200);
  });
});

import { describe, expect, it } from 'vitest';
import type { HttpExchangeView } from '@/lib/protocol/http-protocol';
import { exchangeAt, exchangeOutcome, exchangeTone } from './exchange-tone';

const body = { body: '', bodySize: 0, truncated: false, bodySha256: null };
function exchange(t: number, status: number | null): HttpExchangeView {
  return {
    id: `x${t}`,
    at: new Date(0).toISOString(),
    t,
    request: { method: 'GET', url: '/', headers: [], ...body },
    response: status === null ? null : { status, statusText: '', headers: [], ...body, contentType: 'text/plain' },
    error: status === null ? 'Upstream down' : null,
    durationMs: 3,
  };
}

describe('the HTTP replay at a moment', () => {
  const exchanges = [exchange(1, 200), exchange(2.5, 404), exchange(4, null)];

  it('shows the last exchange sent at or before the moment, none before the first', () => {
    expect([0, 1, 2.4, 2.5, 9].map((t) => exchangeAt(exchanges, t))).toEqual([-1, 0, 0, 1, 2]);
  });

  it('colours and names an exchange by its status, one without a response as an error', () => {
    expect(exchanges.map(exchangeTone)).toEqual(['ok', 'client', 'server']);
    expect(exchanges.map(exchangeOutcome)).toEqual(['200', '404', 'no response']);
  });
});

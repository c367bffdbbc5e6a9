import { describe, expect, it } from 'vitest';
import { encodeHttpEvent, exchangeCommandText, exchangesFromEvents, type RecordedEvent } from './http-events';

const body = { body: '', bodySize: 0, truncated: false, bodySha256: null };
const marker = (t: number, event: Parameters<typeof encodeHttpEvent>[0]): RecordedEvent => [t, 'm', encodeHttpEvent(event)];

describe('exchangesFromEvents', () => {
  it('pairs requests with their responses and errors by exchange number, in the order sent', () => {
    const events: RecordedEvent[] = [
      marker(1, { http: 'request', n: 0, id: 'a', at: '2026-12-04T10:00:01.000Z', method: 'GET', url: '/users', headers: [], ...body }),
      marker(2, { http: 'request', n: 1, id: 'b', at: '2026-12-04T10:00:02.000Z', method: 'POST', url: '/login', headers: [], ...body }),
      [2.5, 'o', 'not an http event'],
      marker(3, { http: 'error', n: 1, id: 'b', message: 'The upstream did not answer within 30 s.', durationMs: 1000 }),
      marker(4, {
        http: 'response',
        n: 0,
        id: 'a',
        status: 200,
        statusText: 'OK',
        headers: [['content-type', 'application/json']],
        ...body,
        body: '[]',
        bodySize: 2,
        contentType: 'application/json',
        durationMs: 3000,
      }),
      marker(5, { http: 'request', n: 2, id: 'c', at: '2026-12-04T10:00:05.000Z', method: 'DELETE', url: '/x', headers: [], ...body }),
    ];
    const exchanges = exchangesFromEvents(events);
    expect(exchanges.map((e) => [e.id, e.t, e.response?.status ?? null, e.error, e.durationMs])).toEqual([
      ['a', 1, 200, null, 3000],
      ['b', 2, null, 'The upstream did not answer within 30 s.', 1000],
      ['c', 5, null, null, 0],
    ]);
    expect(exchanges.map(exchangeCommandText)).toEqual(['GET /users → 200', 'POST /login → error', 'DELETE /x → error']);
  });

  it('skips markers that are not HTTP events or do not parse', () => {
    expect(
      exchangesFromEvents([
        [0, 'm', '{"v":1,"sql":"run"}'],
        [1, 'm', '{"v":not json'],
        [2, 'm', 'ls -la'],
      ]),
    ).toEqual([]);
  });
});

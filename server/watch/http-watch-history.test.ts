import { describe, expect, it } from 'vitest';
import { decodeHttpEvent, encodeHttpEvent } from '@/lib/recording/http-events';
import { WATCH_HISTORY_EVENTS } from './grouped-watch-history';
import { HttpWatchHistory, toHttpWatchEvent, WATCH_BODY_CHARS } from './http-session-watch';

const request = (n: number, body = '') =>
  encodeHttpEvent({
    http: 'request',
    n,
    id: `x${n}`,
    at: '2026-12-05T02:00:00.000Z',
    method: 'POST',
    url: '/v1/echo',
    headers: [],
    body,
    bodySize: body.length,
    truncated: false,
    bodySha256: null,
  });
const answer = (n: number) => encodeHttpEvent({ http: 'error', n, id: `x${n}`, message: 'upstream down', durationMs: 3 });

describe('what an HTTP watcher is sent', () => {
  it('the event as recorded; a long body cut and marked truncated, its recorded size kept; other markers nothing', () => {
    expect(toHttpWatchEvent(1, request(0, '{"a":1}'))?.entry).toEqual([1, request(0, '{"a":1}')]);
    const long = decodeHttpEvent(toHttpWatchEvent(1, request(0, 'x'.repeat(WATCH_BODY_CHARS * 2)))!.entry[1]);
    expect(long).toMatchObject({ http: 'request', truncated: true, bodySize: WATCH_BODY_CHARS * 2 });
    expect(long?.http === 'request' && long.body.length).toBe(WATCH_BODY_CHARS);
    expect(toHttpWatchEvent(1, '{"mask":"out","count":1}')).toBeUndefined();
  });

  it('a late watcher gets the latest whole exchanges, never an answer without its request', () => {
    const history = new HttpWatchHistory();
    for (let n = 0; n < WATCH_HISTORY_EVENTS; n++) {
      history.add(n, request(n));
      history.add(n, answer(n));
    }
    const events = history.events().map(([, text]) => decodeHttpEvent(text)!);
    expect(history.isTrimmed).toBe(true);
    expect(events.length).toBeLessThanOrEqual(WATCH_HISTORY_EVENTS);
    expect(events[0]).toMatchObject({ http: 'request' });
    expect(events.at(-1)).toMatchObject({ http: 'error', n: WATCH_HISTORY_EVENTS - 1 });
  });
});

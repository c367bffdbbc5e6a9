import { describe, expect, it, vi } from 'vitest';
import { decodeHttpEvent, encodeHttpEvent } from '@/lib/recording/http-events';
import { WATCH_HISTORY_EVENTS } from './grouped-watch-history';
import { HttpWatchHistory, toHttpWatchEvent, UNWATCHED_KEPT_CHARS, WATCH_BODY_CHARS } from './http-session-watch';

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

  it('events recorded while nobody watches are kept undecoded, then given to the first watcher as whole exchanges, within the bound', () => {
    const history = new HttpWatchHistory();
    const parse = vi.spyOn(JSON, 'parse');
    for (let n = 0; n < WATCH_HISTORY_EVENTS; n++) {
      history.keep(n, request(n, 'b'.repeat(100)));
      history.keep(n, answer(n));
    }
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    const events = history.events().map(([, text]) => decodeHttpEvent(text)!);
    expect(history.isTrimmed).toBe(true);
    expect(events.length).toBeLessThanOrEqual(WATCH_HISTORY_EVENTS);
    expect(events[0]).toMatchObject({ http: 'request' });
    expect(events.at(-1)).toMatchObject({ http: 'error', n: WATCH_HISTORY_EVENTS - 1 });
    // Then live, after what was kept.
    expect(decodeHttpEvent(history.add(999, request(999))![1])).toMatchObject({ n: 999 });
    expect(history.events().at(-1)![0]).toBe(999);
  });

  it('drops the oldest kept text past UNWATCHED_KEPT_CHARS, and an answer whose request went with it', () => {
    const history = new HttpWatchHistory();
    const big = 'x'.repeat(UNWATCHED_KEPT_CHARS / 3);
    history.keep(0, request(0, big));
    history.keep(1, request(1, big));
    history.keep(2, answer(0));
    history.keep(3, request(2, big));
    history.keep(4, answer(1));
    history.keep(5, request(3, big));
    const events = history.events().map(([, text]) => decodeHttpEvent(text)!);
    // Requests 0 and 1 went to stay within the bound, so their answers went too.
    expect(events.map((event) => [event.http, event.n])).toEqual([
      ['request', 2],
      ['request', 3],
    ]);
    expect(history.isTrimmed).toBe(true);
  });
});

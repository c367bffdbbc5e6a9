import { describe, expect, it } from 'vitest';
import type { EventsResponse } from '@/lib/recording/replay-types';
import { ReplayStream } from './replay-stream';

/** A fetch whose answers the test releases one by one, in any order. */
function controlledFetch() {
  const pending: { url: string; signal: AbortSignal; answer: (body: EventsResponse) => void }[] = [];
  const fetcher = ((url: string, init: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      pending.push({ url, signal: init.signal!, answer: (body) => resolve(Response.json(body)) });
    })) as unknown as typeof fetch;
  return { fetcher, pending };
}

const body = (from: number): EventsResponse => ({ from, to: from + 5, keyframe: null, events: [[from, 'o', `at ${from}`]], nextFrom: null });

describe('ReplayStream', () => {
  it('asks for a keyframe and a short look-ahead on seek', async () => {
    const { fetcher, pending } = controlledFetch();
    const stream = new ReplayStream('rec-1', fetcher);
    const result = stream.seek(93.5);
    expect(pending[0]!.url).toBe('/api/v1/recordings/rec-1/events?from=93.5&to=98.5&keyframe=1');
    pending[0]!.answer(body(93.5));
    expect((await result)?.events[0]?.[2]).toBe('at 93.5');
  });

  it('drops the answer to a seek that a later seek superseded', async () => {
    const { fetcher, pending } = controlledFetch();
    const stream = new ReplayStream('rec-1', fetcher);
    const first = stream.seek(10);
    const second = stream.seek(20);
    expect(pending[0]!.signal.aborted).toBe(true);
    pending[1]!.answer(body(20));
    expect(await first).toBeNull();
    expect((await second)?.from).toBe(20);
  });

  it('drops a playback window fetched before a seek', async () => {
    const { fetcher, pending } = controlledFetch();
    const stream = new ReplayStream('rec-1', fetcher);
    const ahead = stream.range(30, 60);
    expect(pending[0]!.url).toContain('from=30&to=60');
    void stream.seek(5);
    expect(await ahead).toBeNull();
  });

  it('turns an error answer into its message', async () => {
    const fetcher = (async () => Response.json({ error: { code: 'NOT_FOUND', message: 'No such recording.' } }, { status: 404 })) as unknown as typeof fetch;
    await expect(new ReplayStream('gone', fetcher).seek(0)).rejects.toThrow('No such recording.');
  });
});

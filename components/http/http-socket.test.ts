import { describe, expect, it } from 'vitest';
import type { HttpServerMessage } from '@/lib/protocol/http-protocol';
import type { SocketLike } from '../console/relay-socket';
import { HttpSocket } from './http-socket';

class FakeSocket implements SocketLike {
  binaryType = 'blob';
  readyState = 1;
  sent: string[] = [];
  closedWith: number | undefined;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  send(data: string | ArrayBufferView | ArrayBuffer) {
    if (typeof data === 'string') this.sent.push(data);
  }
  close(code?: number) {
    this.closedWith = code;
    this.readyState = 3;
  }
}

function connect() {
  let fake!: FakeSocket;
  const socket = new HttpSocket('ws://test/ws/sessions/x', () => (fake = new FakeSocket()));
  return { socket, fake };
}

describe('HttpSocket', () => {
  it('sends requests and cancels as JSON frames of the protocol', () => {
    const { socket, fake } = connect();
    const request = { method: 'POST' as const, path: '/items', query: [['a', '1']] as [string, string][], headers: [], body: '{}' };
    socket.send('x1', request);
    socket.cancel('x1');
    expect(fake.sent.map((frame) => JSON.parse(frame) as unknown)).toEqual([
      { type: 'send', id: 'x1', request },
      { type: 'cancel', id: 'x1' },
    ]);
  });

  it('hands on valid messages only: a frame off the protocol is dropped, not thrown', () => {
    const { socket, fake } = connect();
    const seen: HttpServerMessage[] = [];
    socket.onServerMessage((message) => seen.push(message));
    fake.onmessage?.({ data: '{"type":"exchange","id":"x1"}' });
    fake.onmessage?.({ data: 'not json' });
    fake.onmessage?.({ data: JSON.stringify({ type: 'exchange-error', id: 'x1', message: 'Upstream down', durationMs: 3 }) });
    expect(seen).toEqual([{ type: 'exchange-error', id: 'x1', message: 'Upstream down', durationMs: 3 }]);
  });

  it('after dispose closes normally and calls nobody', () => {
    const { socket, fake } = connect();
    const closes: number[] = [];
    socket.onClose((event) => closes.push(event.code));
    socket.dispose();
    expect(fake.closedWith).toBe(1000);
    fake.onclose?.({ code: 1000, reason: '', wasClean: true });
    expect(closes).toEqual([]);
  });
});

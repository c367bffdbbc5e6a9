import { describe, expect, it, vi } from 'vitest';
import { SQL_ACK_EVERY_BYTES, type SqlServerMessage } from '@/lib/protocol/sql-protocol';
import type { SocketLike } from '../console/relay-socket';
import { SqlSocket } from './sql-socket';

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
  receive(message: SqlServerMessage) {
    const frame = JSON.stringify(message);
    this.onmessage?.({ data: frame });
    return frame.length;
  }
  acks() {
    return this.sent.map((frame) => JSON.parse(frame) as { type: string; bytes?: number }).filter((message) => message.type === 'ack');
  }
}

function connect() {
  let fake!: FakeSocket;
  const socket = new SqlSocket('ws://test/ws/sessions/x', () => (fake = new FakeSocket()));
  return { socket, fake };
}

const page = (n: number): SqlServerMessage => ({ type: 'rows', id: 'r1', index: 0, rows: [[String(n), 'x'.repeat(4000)]], masked: [] });

describe('SqlSocket', () => {
  it('acknowledges pages as a running total once enough bytes are handled, after its listeners took them', () => {
    const { socket, fake } = connect();
    const seen: string[] = [];
    socket.onServerMessage((message) => seen.push(`${message.type}:${fake.acks().length}`));
    let total = 0;
    while (fake.acks().length === 0) total += fake.receive(page(total));
    expect(total).toBeGreaterThanOrEqual(SQL_ACK_EVERY_BYTES);
    expect(fake.acks()).toEqual([{ type: 'ack', bytes: total }]);
    // The last page was handed to the console before it was acknowledged.
    expect(seen.at(-1)).toBe('rows:0');
    fake.receive({ type: 'pong' });
    expect(fake.acks()).toHaveLength(1);
  });

  it('tells the gateway the engineer is writing at most every 20 s, and at the first keystroke after an idle warning', () => {
    vi.useFakeTimers();
    try {
      const { socket, fake } = connect();
      const actives = () => fake.sent.filter((frame) => (JSON.parse(frame) as { type: string }).type === 'active').length;
      socket.noteEditing();
      socket.noteEditing();
      expect(actives()).toBe(1);
      vi.advanceTimersByTime(19_000);
      socket.noteEditing();
      expect(actives()).toBe(1);
      fake.receive({ type: 'idle', endsInMs: 60_000 });
      socket.noteEditing();
      expect(actives()).toBe(2);
      vi.advanceTimersByTime(20_000);
      socket.noteEditing();
      expect(actives()).toBe(3);
      socket.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends runs as JSON, and after dispose closes normally and calls nobody', () => {
    const { socket, fake } = connect();
    const closes: number[] = [];
    socket.onClose((event) => closes.push(event.code));
    socket.run('r1', 'SELECT 1', 'SELECT 1; -- editor');
    expect(JSON.parse(fake.sent[0]!)).toEqual({ type: 'run', id: 'r1', script: 'SELECT 1', editor: 'SELECT 1; -- editor' });
    socket.dispose();
    expect(fake.closedWith).toBe(1000);
    fake.onclose?.({ code: 1000, reason: '', wasClean: true });
    expect(closes).toEqual([]);
    socket.cancel('r1');
    expect(fake.sent).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { CloseCode, MAX_INBOUND_FRAME_BYTES } from '@/lib/protocol/terminal-protocol';
import { TerminalSocket, type SocketLike } from './terminal-socket';

class FakeSocket implements SocketLike {
  binaryType = 'blob';
  readyState = 0;
  sent: (string | Uint8Array)[] = [];
  closedWith: number | undefined;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  send(data: string | ArrayBufferView | ArrayBuffer) {
    this.sent.push(
      typeof data === 'string' ? data : new Uint8Array(ArrayBuffer.isView(data) ? data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) : data),
    );
  }
  close(code?: number) {
    this.closedWith = code;
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  controls() {
    return this.sent.filter((frame): frame is string => typeof frame === 'string').map((frame) => JSON.parse(frame) as unknown);
  }
}

function connect(options: { ackEveryBytes?: number } = {}) {
  let fake!: FakeSocket;
  const socket = new TerminalSocket('ws://test/ws/sessions/x', { ...options, createSocket: () => (fake = new FakeSocket()) });
  return { socket, fake };
}

describe('TerminalSocket', () => {
  it('uses array buffers and sends the size once the socket opens', () => {
    const { socket, fake } = connect();
    expect(fake.binaryType).toBe('arraybuffer');
    socket.resize(80, 24);
    expect(fake.sent).toEqual([]);
    fake.open();
    socket.resize(80, 24);
    socket.resize(100, 30);
    expect(fake.controls()).toEqual([
      { type: 'resize', cols: 80, rows: 24 },
      { type: 'resize', cols: 100, rows: 30 },
    ]);
    socket.dispose();
  });

  it('sends input as binary frames no larger than the gateway accepts', () => {
    const { socket, fake } = connect();
    fake.open();
    socket.sendInput('é');
    expect(fake.sent[0]).toEqual(new Uint8Array([0xc3, 0xa9]));
    socket.sendInput(new Uint8Array(MAX_INBOUND_FRAME_BYTES * 2 + 1));
    expect(fake.sent.slice(1).map((frame) => frame.length)).toEqual([MAX_INBOUND_FRAME_BYTES, MAX_INBOUND_FRAME_BYTES, 1]);
    socket.dispose();
  });

  it('acknowledges the running total of written bytes in steps', () => {
    const { socket, fake } = connect({ ackEveryBytes: 100 });
    fake.open();
    socket.acknowledge(60);
    expect(fake.controls()).toEqual([]);
    socket.acknowledge(60);
    socket.acknowledge(30);
    socket.acknowledge(80);
    expect(fake.controls()).toEqual([
      { type: 'ack', bytes: 120 },
      { type: 'ack', bytes: 230 },
    ]);
    socket.dispose();
  });

  it('emits output bytes and typed control events', () => {
    const { socket, fake } = connect();
    const events: unknown[] = [];
    socket.on('output', (bytes) => events.push(['output', [...bytes]]));
    socket.on('status', (status) => events.push(['status', status.state]));
    socket.on('exit', (exit) => events.push(['exit', exit.reason, exit.exitCode]));
    socket.on('mask', (mask) => events.push(['mask', mask.count]));
    socket.on('grant', (grant) => events.push(['grant', grant.expiresAt]));
    socket.on('close', (close) => events.push(['close', close.code]));
    fake.open();
    fake.onmessage?.({ data: JSON.stringify({ type: 'status', state: 'connected' }) });
    fake.onmessage?.({ data: new Uint8Array([104, 105]).buffer });
    fake.onmessage?.({ data: JSON.stringify({ type: 'mask', count: 2 }) });
    fake.onmessage?.({ data: JSON.stringify({ type: 'grant', expiresAt: '2026-11-25T01:00:00.000Z' }) });
    fake.onmessage?.({ data: JSON.stringify({ type: 'exit', reason: 'user_exit', message: 'bye', exitCode: 0 }) });
    fake.onclose?.({ code: CloseCode.SessionEnded, reason: '', wasClean: true });
    expect(events).toEqual([
      ['status', 'connected'],
      ['output', [104, 105]],
      ['mask', 2],
      ['grant', Date.UTC(2026, 10, 25, 1, 0, 0)],
      ['exit', 'user_exit', 0],
      ['close', CloseCode.SessionEnded],
    ]);
    socket.dispose();
  });

  it("turns the idle warning's duration into a time by this clock, and sends `active` when the engineer stays", () => {
    const { socket, fake } = connect();
    const ends: Array<number | undefined> = [];
    socket.on('idle', ({ endsAt }) => ends.push(endsAt));
    fake.open();
    const before = Date.now();
    fake.onmessage?.({ data: JSON.stringify({ type: 'idle', endsInMs: 60_000 }) });
    fake.onmessage?.({ data: JSON.stringify({ type: 'idle', endsInMs: null }) });
    expect(ends[0]).toBeGreaterThanOrEqual(before + 60_000);
    expect(ends[0]).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(ends[1]).toBeUndefined();
    socket.stayActive();
    expect(fake.controls()).toEqual([{ type: 'active' }]);
    socket.dispose();
  });

  it('closes on a control frame that does not match the protocol', () => {
    const { socket, fake } = connect();
    const errors: string[] = [];
    socket.on('error', (error) => errors.push(error.code));
    fake.open();
    fake.onmessage?.({ data: '{"type":"surprise"}' });
    expect(errors).toEqual(['BAD_FRAME']);
    expect(fake.closedWith).toBe(CloseCode.BadFrame);
    socket.dispose();
  });

  it('stops talking after dispose', () => {
    const { socket, fake } = connect();
    fake.open();
    socket.dispose();
    expect(fake.closedWith).toBe(CloseCode.Normal);
    socket.sendInput('x');
    expect(fake.sent).toEqual([]);
  });
});

describe('TerminalSocket initial size', () => {
  it('opens with the size in the URL and sends only later changes', () => {
    let fake!: FakeSocket;
    let url = '';
    const socket = new TerminalSocket('ws://test/ws/sessions/x?ticket=t', {
      initialSize: { cols: 120, rows: 40 },
      createSocket: (u) => {
        url = u;
        return (fake = new FakeSocket());
      },
    });
    expect(new URL(url).searchParams.get('ticket')).toBe('t');
    expect(new URL(url).searchParams.get('cols')).toBe('120');
    expect(new URL(url).searchParams.get('rows')).toBe('40');
    socket.resize(100, 30);
    fake.open();
    socket.resize(100, 30);
    expect(fake.controls()).toEqual([{ type: 'resize', cols: 100, rows: 30 }]);
    socket.dispose();
  });
});

import {
  ACK_EVERY_BYTES,
  CloseCode,
  MAX_INBOUND_FRAME_BYTES,
  serverMessage,
  type ClientMessage,
  type SessionEndReason,
} from '@/lib/protocol/terminal-protocol';

import { idleEndsAt, RelaySocket, type SocketLike } from '../console/relay-socket';

/**
 * The terminal's frames on the console socket (RelaySocket), with no React and no xterm: bytes
 * in, bytes out, typed control events. The same class drives the benchmark's headless clients
 * (with the `ws` package's WebSocket passed as `createSocket`).
 */

// The benchmark and the tests build fake or `ws` sockets against this name.
export type { SocketLike };

export type TerminalSocketEvents = {
  open: undefined;
  status: { state: 'connecting' | 'connected'; message?: string };
  output: Uint8Array;
  error: { code: string; message: string };
  exit: { reason: SessionEndReason; message: string; exitCode?: number | null };
  /** Inline masking's running count of replaced secrets in this session. */
  mask: { count: number };
  /** The just-in-time grant this session runs in ends at `expiresAt` (epoch ms). */
  grant: { expiresAt: number };
  /** The idle limit ends the session at `endsAt` (epoch ms) unless input comes; undefined: input came. */
  idle: { endsAt: number | undefined };
  /** Who watches this session now (the watched engineer's banner). */
  watchers: { names: string[] };
  /** Watch sockets: reset to this size; the current screen follows as output. */
  screen: { cols: number; rows: number };
  /** Watch sockets: the watched terminal's new size. */
  size: { cols: number; rows: number };
  close: { code: number; reason: string; wasClean: boolean };
};

type Listener<T> = (payload: T) => void;

export type TerminalSocketOptions = {
  createSocket?: (url: string) => SocketLike;
  /** Acknowledge after this many written bytes (the protocol's value unless testing). */
  ackEveryBytes?: number;
  /** The PTY size to open with (sent as `?cols=&rows=`, so the first screen is drawn right). */
  initialSize?: { cols: number; rows: number };
};

export class TerminalSocket {
  private readonly socket: RelaySocket;
  private readonly listeners = new Map<keyof TerminalSocketEvents, Set<Listener<never>>>();
  private readonly encoder = new TextEncoder();
  private pendingSize: { cols: number; rows: number } | undefined;
  private sentSize = '';

  constructor(url: string, options: TerminalSocketOptions = {}) {
    // The URL carries the initial size; only a change from it needs a resize frame.
    this.pendingSize = options.initialSize;
    this.sentSize = options.initialSize ? sizeKey(options.initialSize) : '';
    this.socket = new RelaySocket(
      withSize(url, options.initialSize),
      { onOpen: () => this.handleOpen(), onFrame: (data) => this.handleMessage(data), onClose: (event) => this.emit('close', event) },
      { createSocket: options.createSocket, ackEveryBytes: options.ackEveryBytes ?? ACK_EVERY_BYTES },
    );
  }

  get isOpen(): boolean {
    return this.socket.isOpen;
  }

  /** Total bytes the terminal has reported as written (what the acks count). */
  get written(): number {
    return this.socket.handled;
  }

  on<K extends keyof TerminalSocketEvents>(event: K, listener: Listener<TerminalSocketEvents[K]>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Keystrokes and pastes: sent at once as binary frames, split to the frame size limit. */
  sendInput(data: string | Uint8Array): void {
    if (!this.isOpen) return;
    const bytes = typeof data === 'string' ? this.encoder.encode(data) : data;
    for (let offset = 0; offset < bytes.length; offset += MAX_INBOUND_FRAME_BYTES) {
      this.socket.sendBinary(bytes.subarray(offset, offset + MAX_INBOUND_FRAME_BYTES));
    }
  }

  /** Remembers the size and sends it when it changed (or once the socket opens). */
  resize(cols: number, rows: number): void {
    this.pendingSize = { cols, rows };
    this.flushSize();
  }

  /**
   * Reports bytes the terminal has finished writing (call it from xterm's write callback).
   * The gateway stops reading from the target while too much output is unacknowledged.
   */
  acknowledge(bytes: number): void {
    this.socket.acknowledge(bytes);
  }

  /** The engineer chose to stay: the idle limit counts from now, and nothing reaches the shell. */
  stayActive(): void {
    this.socket.stayActive();
  }

  /** Closes the socket (which ends the session on the gateway) and drops every listener. */
  dispose(): void {
    this.listeners.clear();
    this.socket.dispose('client closed');
  }

  private emit<K extends keyof TerminalSocketEvents>(event: K, payload: TerminalSocketEvents[K]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as Listener<TerminalSocketEvents[K]>)(payload);
  }

  private sendControl(message: ClientMessage): void {
    this.socket.sendJson(message);
  }

  private flushSize(): void {
    const size = this.pendingSize;
    if (!size || !this.isOpen) return;
    const key = sizeKey(size);
    if (key === this.sentSize) return;
    this.sentSize = key;
    this.sendControl({ type: 'resize', cols: size.cols, rows: size.rows });
  }

  private handleOpen(): void {
    this.flushSize();
    this.emit('open', undefined);
  }

  private handleMessage(data: unknown): void {
    if (data instanceof ArrayBuffer) {
      this.emit('output', new Uint8Array(data));
      return;
    }
    if (ArrayBuffer.isView(data)) {
      this.emit('output', new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      return;
    }
    const parsed = typeof data === 'string' ? serverMessage.safeParse(safeJson(data)) : undefined;
    if (!parsed?.success) {
      this.emit('error', { code: 'BAD_FRAME', message: 'The gateway sent a message this page does not understand.' });
      this.socket.close(CloseCode.BadFrame, 'bad frame');
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'status':
        this.emit('status', { state: message.state, message: message.message });
        break;
      case 'error':
        this.emit('error', { code: message.code, message: message.message });
        break;
      case 'exit':
        this.emit('exit', { reason: message.reason, message: message.message, exitCode: message.exitCode });
        break;
      case 'mask':
        this.emit('mask', { count: message.count });
        break;
      case 'grant':
        this.emit('grant', { expiresAt: Date.parse(message.expiresAt) });
        break;
      case 'idle':
        this.emit('idle', { endsAt: idleEndsAt(message.endsInMs) });
        break;
      case 'watchers':
        this.emit('watchers', { names: message.names });
        break;
      case 'screen':
      case 'size':
        this.emit(message.type, { cols: message.cols, rows: message.rows });
        break;
      case 'pong':
        break;
    }
  }
}

function sizeKey(size: { cols: number; rows: number }): string {
  return `${size.cols}x${size.rows}`;
}

function withSize(url: string, size: { cols: number; rows: number } | undefined): string {
  if (!size) return url;
  const parsed = new URL(url);
  parsed.searchParams.set('cols', String(size.cols));
  parsed.searchParams.set('rows', String(size.rows));
  return parsed.toString();
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The browser side of /ws/sessions/:id for every console (terminal, SQL), with no React: the
 * socket's lifecycle (open, close, dispose), frames out, and flow control. The console reports
 * what it has handled; every `ackEveryBytes` the running total goes to the gateway as
 * `{ type: 'ack', bytes }`, and the gateway reads from the target only while the console keeps
 * up. Terminal and SQL differ only in their frames (TerminalSocket, SqlSocket read them).
 */

/** The part of the WebSocket API this client uses; both the DOM's and `ws`'s fit it. */
export interface SocketLike {
  binaryType: string;
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string | ArrayBufferView | ArrayBuffer): void;
  close(code?: number, reason?: string): void;
}

export type CloseEvent = { code: number; reason: string; wasClean: boolean };

export type RelaySocketHandlers = {
  onOpen?: () => void;
  /** A frame from the gateway: an ArrayBuffer (binary) or a string (text). */
  onFrame: (data: unknown) => void;
  onClose: (event: CloseEvent) => void;
};

export type RelaySocketOptions = {
  createSocket?: (url: string) => SocketLike;
  ackEveryBytes: number;
};

const OPEN = 1;
/** While the engineer writes in an editor, the gateway hears of it at most this often (its idle limit is minutes). */
const EDITING_NOTE_EVERY_MS = 20_000;
const NORMAL_CLOSURE = 1000;

export class RelaySocket {
  private readonly socket: SocketLike;
  private readonly ackEveryBytes: number;
  private handledBytes = 0;
  private ackedBytes = 0;
  private isDisposed = false;
  private lastActiveAt = -Infinity;

  constructor(url: string, handlers: RelaySocketHandlers, options: RelaySocketOptions) {
    this.ackEveryBytes = options.ackEveryBytes;
    this.socket = (options.createSocket ?? ((u) => new WebSocket(u) as unknown as SocketLike))(url);
    this.socket.binaryType = 'arraybuffer';
    this.socket.onopen = () => handlers.onOpen?.();
    this.socket.onmessage = (event) => handlers.onFrame(event.data);
    this.socket.onclose = (event) => handlers.onClose({ code: event.code, reason: event.reason, wasClean: event.wasClean });
    // A failed connection is followed by a close event, which carries what there is to say.
    this.socket.onerror = () => undefined;
  }

  get isOpen(): boolean {
    return !this.isDisposed && this.socket.readyState === OPEN;
  }

  /** Total bytes the console has reported as handled (what the acks count). */
  get handled(): number {
    return this.handledBytes;
  }

  sendJson(message: object): void {
    if (this.isOpen) this.socket.send(JSON.stringify(message));
  }

  sendBinary(bytes: Uint8Array): void {
    if (this.isOpen) this.socket.send(bytes);
  }

  /** The console has handled `bytes` more of the gateway's flow-controlled output. */
  acknowledge(bytes: number): void {
    this.handledBytes += bytes;
    if (this.handledBytes - this.ackedBytes < this.ackEveryBytes) return;
    this.ackedBytes = this.handledBytes;
    this.sendJson({ type: 'ack', bytes: this.handledBytes });
  }

  /**
   * The engineer is there though nothing went to the target ("Stay connected", or writing in an
   * editor): the gateway's idle limit counts from now.
   */
  stayActive(): void {
    this.lastActiveAt = Date.now();
    this.sendJson({ type: 'active' });
  }

  /** The engineer writes in an editor: `stayActive`, at most every EDITING_NOTE_EVERY_MS unless warned since. */
  noteEditing(): void {
    if (Date.now() - this.lastActiveAt >= EDITING_NOTE_EVERY_MS) this.stayActive();
  }

  /** The gateway warned of its idle limit: the next keystroke in an editor tells it at once. */
  heardIdleWarning(): void {
    this.lastActiveAt = -Infinity;
  }

  /** Closes the socket (the gateway ends the session or refuses the frame) and keeps listening for the close. */
  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  /** Closes the socket (which ends the session on the gateway); no handler is called after this. */
  dispose(reason: string): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.socket.onopen = null;
    this.socket.onmessage = null;
    this.socket.onclose = null;
    try {
      this.socket.close(NORMAL_CLOSURE, reason);
    } catch {
      // Closing a socket that never opened can throw in some implementations.
    }
  }
}

/** When the idle limit ends the session, from the gateway's `idle` message (epoch ms by this clock), or undefined: no warning. */
export function idleEndsAt(endsInMs: number | null): number | undefined {
  return endsInMs === null ? undefined : Date.now() + endsInMs;
}

/** The gateway's warning that its idle limit is near: when the session ends, and how to stay. */
export type IdleNotice = {
  /** When the session ends unless input comes (epoch ms, by this browser's clock). */
  endsAt: number;
  /** Tells the gateway the engineer is there, without sending anything to the target. */
  stay: () => void;
};

/** A console's idle state from the gateway's `idle` message: a notice, or undefined once input came. */
export function idleNotice(endsInMs: number | null, stay: () => void): IdleNotice | undefined {
  const endsAt = idleEndsAt(endsInMs);
  return endsAt === undefined ? undefined : { endsAt, stay };
}

import { SQL_ACK_EVERY_BYTES, sqlServerMessage, type SqlClientMessage, type SqlServerMessage } from '@/lib/protocol/sql-protocol';

/**
 * The browser side of the SQL console's socket, with no React and no editor: typed messages
 * in, runs out, and acknowledgements of result pages once they are handled, so the gateway
 * reads the next page only when the console has taken the last ones.
 */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

type Listener = (message: SqlServerMessage) => void;
type CloseListener = (event: { code: number; reason: string }) => void;

const OPEN = 1;

export class SqlSocket {
  private readonly socket: SocketLike;
  private readonly listeners = new Set<Listener>();
  private readonly closeListeners = new Set<CloseListener>();
  private handled = 0;
  private acked = 0;
  private isDisposed = false;

  constructor(url: string, createSocket: (url: string) => SocketLike = (u) => new WebSocket(u) as unknown as SocketLike) {
    this.socket = createSocket(url);
    this.socket.onmessage = (event) => this.onMessage(event.data);
    this.socket.onclose = (event) => {
      for (const listener of this.closeListeners) listener({ code: event.code, reason: event.reason });
    };
    this.socket.onerror = () => undefined;
  }

  onServerMessage(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onClose(listener: CloseListener): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  run(id: string, script: string, editor: string): void {
    this.send({ type: 'run', id, script, editor });
  }

  cancel(id: string): void {
    this.send({ type: 'cancel', id });
  }

  requestSchema(): void {
    this.send({ type: 'schema' });
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.listeners.clear();
    this.closeListeners.clear();
    this.socket.close(1000, 'closed by the user');
  }

  private send(message: SqlClientMessage): void {
    if (this.socket.readyState === OPEN) this.socket.send(JSON.stringify(message));
  }

  private onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: SqlServerMessage;
    try {
      // Pages are the bulk of the traffic: trust their shape after a cheap check, validate the rest.
      const json = JSON.parse(data) as SqlServerMessage;
      message = json.type === 'rows' ? json : sqlServerMessage.parse(json);
    } catch {
      return;
    }
    for (const listener of this.listeners) listener(message);
    if (message.type === 'rows') {
      // Acknowledged after the listeners took the page (they store it; rendering is virtual).
      this.handled += data.length;
      if (this.handled - this.acked >= SQL_ACK_EVERY_BYTES) {
        this.acked = this.handled;
        this.send({ type: 'ack', bytes: this.handled });
      }
    }
  }
}

import { SQL_ACK_EVERY_BYTES, sqlServerMessage, type SqlClientMessage, type SqlServerMessage } from '@/lib/protocol/sql-protocol';
import { RelaySocket, type SocketLike } from '../console/relay-socket';

/**
 * The SQL console's frames on the console socket (RelaySocket), with no React and no editor:
 * typed messages in, runs out, and result pages acknowledged once they are handled, so the
 * gateway reads the next page only when the console has taken the last ones.
 */

type Listener = (message: SqlServerMessage) => void;
type CloseListener = (event: { code: number; reason: string }) => void;

export class SqlSocket {
  private readonly socket: RelaySocket;
  private readonly listeners = new Set<Listener>();
  private readonly closeListeners = new Set<CloseListener>();

  constructor(url: string, createSocket?: (url: string) => SocketLike) {
    this.socket = new RelaySocket(
      url,
      {
        onFrame: (data) => this.onMessage(data),
        onClose: (event) => {
          for (const listener of this.closeListeners) listener({ code: event.code, reason: event.reason });
        },
      },
      { createSocket, ackEveryBytes: SQL_ACK_EVERY_BYTES },
    );
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

  /** The engineer is there (see RelaySocket.stayActive): the idle limit counts from now. */
  stayActive(): void {
    this.socket.stayActive();
  }

  /** The engineer writes in the editor (see RelaySocket.noteEditing). */
  noteEditing(): void {
    this.socket.noteEditing();
  }

  dispose(): void {
    this.listeners.clear();
    this.closeListeners.clear();
    this.socket.dispose('closed by the user');
  }

  private send(message: SqlClientMessage): void {
    this.socket.sendJson(message);
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
    if (message.type === 'idle' && message.endsInMs !== null) this.socket.heardIdleWarning();
    for (const listener of this.listeners) listener(message);
    // Acknowledged after the listeners took the page (they store it; rendering is virtual).
    if (message.type === 'rows') this.socket.acknowledge(data.length);
  }
}

import { httpServerMessage, type HttpClientMessage, type HttpRequestInput, type HttpServerMessage } from '@/lib/protocol/http-protocol';
import { RelaySocket, type SocketLike } from '../console/relay-socket';

/**
 * The HTTP console's frames on the console socket (RelaySocket), with no React: requests out,
 * typed (validated) messages in. Exchanges are small and bounded by the gateway, so nothing is
 * acknowledged: the relay's flow control has nothing to pace here.
 */

type Listener = (message: HttpServerMessage) => void;
type CloseListener = (event: { code: number; reason: string }) => void;

/** Never reached in practice: the console sends no acks (see above). */
const NO_ACKS = Number.MAX_SAFE_INTEGER;

export class HttpSocket {
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
      { createSocket, ackEveryBytes: NO_ACKS },
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

  send(id: string, request: HttpRequestInput): void {
    this.sendMessage({ type: 'send', id, request });
  }

  cancel(id: string): void {
    this.sendMessage({ type: 'cancel', id });
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

  private sendMessage(message: HttpClientMessage): void {
    this.socket.sendJson(message);
  }

  private onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: HttpServerMessage;
    try {
      message = httpServerMessage.parse(JSON.parse(data));
    } catch {
      return;
    }
    if (message.type === 'idle' && message.endsInMs !== null) this.socket.heardIdleWarning();
    for (const listener of this.listeners) listener(message);
  }
}

import { sqlWatchMessage, type SqlWatchEvent } from '@/lib/protocol/sql-watch-protocol';
import type { SessionEndReason } from '@/lib/protocol/terminal-protocol';

export type SqlWatchHandlers = {
  /** The events so far (first frame, and again after a resync): they replace the list. */
  onHistory: (events: SqlWatchEvent[], isTrimmed: boolean) => void;
  onEvent: (event: SqlWatchEvent) => void;
  onExit: (reason: SessionEndReason, message: string) => void;
  onError: (message: string) => void;
  onClose: (code: number, reason: string) => void;
};

/**
 * The read-only watch socket of someone else's SQL console, with no React: validated frames
 * in, nothing out (watching sends nothing). `dispose` closes it and silences the handlers.
 */
export class SqlWatchSocket {
  private readonly ws: WebSocket;
  private isDisposed = false;

  constructor(url: string, handlers: SqlWatchHandlers) {
    this.ws = new WebSocket(url);
    this.ws.onmessage = (message: MessageEvent<unknown>) => {
      if (this.isDisposed || typeof message.data !== 'string') return;
      let parsed;
      try {
        parsed = sqlWatchMessage.safeParse(JSON.parse(message.data));
      } catch {
        return;
      }
      if (!parsed.success) return;
      const frame = parsed.data;
      if (frame.type === 'history') handlers.onHistory(frame.events, frame.isTrimmed);
      else if (frame.type === 'event') handlers.onEvent(frame.event);
      else if (frame.type === 'exit') handlers.onExit(frame.reason, frame.message);
      else if (frame.code !== 'read_only') handlers.onError(frame.message);
    };
    this.ws.onclose = (event) => !this.isDisposed && handlers.onClose(event.code, event.reason);
  }

  dispose(): void {
    this.isDisposed = true;
    this.ws.close();
  }
}

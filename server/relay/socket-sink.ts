import { WebSocket } from 'ws';
import type { OutputFlow } from './output-flow';
import type { Sink } from './pipeline';
import type { ServerMessage } from '@/lib/protocol/terminal-protocol';

export function sendControl(ws: WebSocket, message: ServerMessage): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
}

/** The end of the output pipeline: terminal bytes as binary frames, counted for flow control. */
export function socketSink(ws: WebSocket, flow: OutputFlow): Sink {
  const onFlushed = () => flow.onFlushed();
  return {
    write(recorded, relayed) {
      const chunk = relayed ?? recorded;
      if (chunk.length === 0 || ws.readyState !== WebSocket.OPEN) return;
      flow.onSend(chunk.length);
      ws.send(chunk, { binary: true }, onFlushed);
    },
    event(event) {
      if (event.type === 'exit') {
        sendControl(ws, { type: 'exit', reason: event.reason, message: event.message, exitCode: event.exitCode });
      } else if (event.type === 'mask') {
        // The running count only: never which text was masked.
        sendControl(ws, { type: 'mask', count: event.count });
      }
    },
    end() {},
  };
}

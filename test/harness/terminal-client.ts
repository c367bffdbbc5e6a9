import WebSocket from 'ws';
import { ACK_EVERY_BYTES, serverMessage, type ServerMessage } from '@/server/gateway/protocol';
import { watchSocket } from './socket-watch';

export type TerminalClientOptions = {
  origin?: string;
  /** Acknowledge output as a browser does after xterm writes it (default true). */
  isAcking?: boolean;
  /** Called with every binary frame; when set, output text is not kept (floods). */
  onOutput?: (chunk: Buffer) => void;
};

export type TerminalClient = {
  ws: WebSocket;
  messages: ServerMessage[];
  output(): string;
  received(): number;
  type(text: string): void;
  send(message: unknown): void;
  ack(bytes: number): void;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  waitForMessage<T extends ServerMessage['type']>(type: T, timeoutMs?: number): Promise<Extract<ServerMessage, { type: T }>>;
  closed: Promise<{ code: number; reason: string }>;
};

/** Why an upgrade was refused: the HTTP status the gateway wrote before any handshake. */
export function refusedStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      ws.terminate();
      reject(new Error('the upgrade was accepted'));
    });
    ws.on('error', () => undefined);
  });
}

/** A scripted browser: connects, collects output and control frames, acks like xterm would. */
export function connectTerminal(url: string, options: TerminalClientOptions = {}): Promise<TerminalClient> {
  const ws = new WebSocket(url, { headers: options.origin ? { origin: options.origin } : {} });
  const messages: ServerMessage[] = [];
  let text = '';
  let received = 0;
  let acked = 0;
  const { closed, notify, until } = watchSocket(ws, () => `output tail: ${JSON.stringify(text.slice(-300))}; messages: ${JSON.stringify(messages)}`);
  ws.on('message', (data: Buffer, isBinary) => {
    if (isBinary) {
      received += data.length;
      if (options.onOutput) options.onOutput(data);
      else text += data.toString('utf8');
      if (options.isAcking !== false && received - acked >= ACK_EVERY_BYTES) client.ack(received);
    } else {
      messages.push(serverMessage.parse(JSON.parse(data.toString('utf8'))));
    }
    notify();
  });
  const client: TerminalClient = {
    ws,
    messages,
    output: () => text,
    received: () => received,
    type: (input) => ws.send(Buffer.from(input)),
    send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    ack: (bytes) => {
      acked = bytes;
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'ack', bytes }));
    },
    waitFor: (pattern, timeoutMs = 10_000) => until(() => text.match(pattern) ?? undefined, String(pattern), timeoutMs),
    waitForMessage: <T extends ServerMessage['type']>(type: T, timeoutMs = 10_000) =>
      until(() => messages.find((m): m is Extract<ServerMessage, { type: T }> => m.type === type), `a ${type} message`, timeoutMs),
    closed,
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(client));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

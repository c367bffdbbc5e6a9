import WebSocket from 'ws';
import { httpServerMessage, type HttpRequestInput, type HttpServerMessage } from '@/lib/protocol/http-protocol';
import { watchSocket } from '../socket-watch';

type Answer = Extract<HttpServerMessage, { type: 'exchange' | 'exchange-error' }>;

/** A scripted HTTP console: sends requests, keeps every raw frame (to search for secrets) and every message. */
export type HttpConsoleClient = {
  ws: WebSocket;
  frames: string[];
  messages: HttpServerMessage[];
  send(id: string, request: Partial<HttpRequestInput> & { path: string }): Promise<Answer>;
  waitFor<T extends HttpServerMessage['type']>(
    type: T,
    predicate?: (m: Extract<HttpServerMessage, { type: T }>) => boolean,
    timeoutMs?: number,
  ): Promise<Extract<HttpServerMessage, { type: T }>>;
  closed: Promise<{ code: number; reason: string }>;
};

export async function connectHttpConsole(url: string, origin: string): Promise<HttpConsoleClient> {
  const ws = new WebSocket(url, { headers: { origin } });
  const frames: string[] = [];
  const messages: HttpServerMessage[] = [];
  const { closed, notify, until } = watchSocket(ws, () => `messages: ${JSON.stringify(messages.slice(-5)).slice(0, 2000)}`);
  ws.on('message', (data: Buffer) => {
    const text = data.toString('utf8');
    frames.push(text);
    messages.push(httpServerMessage.parse(JSON.parse(text)));
    notify();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const waitFor: HttpConsoleClient['waitFor'] = (type, predicate = () => true, timeoutMs = 20_000) =>
    until(() => messages.find((m): m is Extract<HttpServerMessage, { type: typeof type }> => m.type === type && predicate(m as never)), type, timeoutMs);
  return {
    ws,
    frames,
    messages,
    closed,
    waitFor,
    send: (id, request) => {
      ws.send(JSON.stringify({ type: 'send', id, request: { method: 'GET', query: [], headers: [], body: '', ...request } }));
      return until(
        () => messages.find((m): m is Answer => (m.type === 'exchange' || m.type === 'exchange-error') && m.id === id),
        `the answer to ${id}`,
        30_000,
      );
    },
  };
}

import WebSocket from 'ws';
import { sqlWatchMessage, type SqlWatchMessage } from '@/lib/protocol/sql-watch-protocol';
import { decodeSqlEvent, type SqlEvent } from '@/lib/sql/sql-events';
import { watchSocket } from './socket-watch';

/** A scripted watcher of a live SQL console: collects the watch socket's messages. */
export type SqlWatchClient = {
  ws: WebSocket;
  messages: SqlWatchMessage[];
  /** Every frame's text as received (to look for what must never arrive). */
  raw(): string;
  /** The events as the watcher's list has them: the last history, then what came after it. */
  events(): SqlEvent[];
  waitForEvent(predicate: (event: SqlEvent) => boolean, timeoutMs?: number): Promise<SqlEvent>;
  waitForMessage<T extends SqlWatchMessage['type']>(type: T, timeoutMs?: number): Promise<Extract<SqlWatchMessage, { type: T }>>;
  closed: Promise<{ code: number; reason: string }>;
};

export function connectSqlWatcher(url: string, { origin }: { origin: string }): Promise<SqlWatchClient> {
  const ws = new WebSocket(url, { headers: { origin }, maxPayload: 64 * 1024 * 1024 });
  const messages: SqlWatchMessage[] = [];
  let raw = '';
  const { closed, notify, until } = watchSocket(ws, () => `messages: ${JSON.stringify(messages.slice(-5)).slice(0, 2000)}`);
  ws.on('message', (data: Buffer) => {
    raw += data.toString('utf8');
    messages.push(sqlWatchMessage.parse(JSON.parse(data.toString('utf8'))));
    notify();
  });
  const events = () => {
    const from = messages.findLastIndex((m) => m.type === 'history');
    const list = messages.slice(Math.max(0, from)).flatMap((m) => (m.type === 'history' ? m.events : m.type === 'event' ? [m.event] : []));
    return list.flatMap(([, text]) => decodeSqlEvent(text) ?? []);
  };
  const client: SqlWatchClient = {
    ws,
    messages,
    raw: () => raw,
    events,
    waitForEvent: (predicate, timeoutMs = 15_000) => until(() => events().find(predicate), 'a watched event', timeoutMs),
    waitForMessage: (type, timeoutMs = 15_000) => until(() => messages.find((m) => m.type === type) as never, `a ${type} message`, timeoutMs),
    closed,
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(client));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

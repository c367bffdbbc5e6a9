import WebSocket from 'ws';
import { SQL_ACK_EVERY_BYTES, sqlServerMessage, type SqlServerMessage } from '@/lib/protocol/sql-protocol';
import { watchSocket } from './socket-watch';

export type SqlResultSet = {
  index: number;
  columns: { name: string; type: string }[];
  rows: (string | null)[][];
  rowCount: number;
  /** Masked cells as [row, column], kept with the rows (empty when rows are not kept). */
  masked: [number, number][];
  done?: Extract<SqlServerMessage, { type: 'done' }>;
  error?: Extract<SqlServerMessage, { type: 'statement_error' }>;
};

export type SqlRunResult = {
  id: string;
  status: 'ok' | 'error' | 'cancelled';
  results: SqlResultSet[];
  finished: Extract<SqlServerMessage, { type: 'finished' }>;
  /** Milliseconds from sending the run to the first `rows` frame. */
  firstRowsMs: number | null;
};

export type SqlClientOptions = {
  origin?: string;
  /** Keep rows and their masked cells in memory (default true); benchmarks count them only. */
  isKeepingRows?: boolean;
  /** Acknowledge pages as the console does (default true). */
  isAcking?: boolean;
};

/** A scripted SQL console: sends runs, collects result sets, acknowledges pages. */
export type SqlClient = {
  ws: WebSocket;
  messages: SqlServerMessage[];
  send(message: unknown): void;
  /** Sends a run and resolves when it is finished, held or blocked. */
  run(script: string, options?: { id?: string; editor?: string }): Promise<SqlRunResult>;
  /** Sends a run without waiting (for cancel tests). */
  start(script: string, id?: string): string;
  waitForRun(id: string, timeoutMs?: number): Promise<SqlRunResult>;
  waitForMessage<T extends SqlServerMessage['type']>(
    type: T,
    predicate?: (m: Extract<SqlServerMessage, { type: T }>) => boolean,
    timeoutMs?: number,
  ): Promise<Extract<SqlServerMessage, { type: T }>>;
  closed: Promise<{ code: number; reason: string }>;
};

let counter = 0;

export function connectSqlClient(url: string, options: SqlClientOptions = {}): Promise<SqlClient> {
  const ws = new WebSocket(url, { headers: options.origin ? { origin: options.origin } : {}, maxPayload: 64 * 1024 * 1024 });
  const messages: SqlServerMessage[] = [];
  const runs = new Map<string, { results: Map<number, SqlResultSet>; sentAt: number; firstRowsAt: number | null }>();
  let received = 0;
  let acked = 0;
  const { closed, notify, until } = watchSocket(ws, () => `messages: ${JSON.stringify(messages.slice(-10))}`);
  const resultSet = (id: string, index: number): SqlResultSet => {
    const run = runs.get(id) ?? { results: new Map<number, SqlResultSet>(), sentAt: Date.now(), firstRowsAt: null };
    runs.set(id, run);
    let set = run.results.get(index);
    if (!set) run.results.set(index, (set = { index, columns: [], rows: [], rowCount: 0, masked: [] }));
    return set;
  };
  ws.on('message', (data: Buffer) => {
    const text = data.toString('utf8');
    // Pages are trusted after a cheap look, as the console does; everything else is validated.
    const json = JSON.parse(text) as SqlServerMessage;
    const message = json.type === 'rows' ? json : sqlServerMessage.parse(json);
    if (message.type === 'rows') {
      const set = resultSet(message.id, message.index);
      const run = runs.get(message.id)!;
      run.firstRowsAt ??= Date.now();
      // A pair per masked cell is as big as the rows: a benchmark that keeps no rows keeps none (its heap is the server's measure).
      if (options.isKeepingRows !== false) {
        for (let i = 0; i < message.masked.length; i += 2) set.masked.push([message.masked[i]! + set.rowCount, message.masked[i + 1]!]);
        set.rows.push(...message.rows);
      }
      set.rowCount += message.rows.length;
      received += text.length;
      if (options.isAcking !== false && received - acked >= SQL_ACK_EVERY_BYTES) {
        acked = received;
        ws.send(JSON.stringify({ type: 'ack', bytes: received }));
      }
    } else {
      if (message.type === 'columns') resultSet(message.id, message.index).columns = message.columns;
      if (message.type === 'done') resultSet(message.id, message.index).done = message;
      if (message.type === 'statement_error') resultSet(message.id, message.index).error = message;
      messages.push(message);
    }
    notify();
  });
  const waitForRun = (id: string, timeoutMs = 30_000) =>
    until(
      () => {
        const end = messages.find((m) => (m.type === 'finished' || m.type === 'held' || m.type === 'blocked') && m.id === id);
        if (!end) return undefined;
        const run = runs.get(id);
        const results = [...(run?.results.values() ?? [])].sort((a, b) => a.index - b.index);
        return {
          id,
          status: end.type === 'finished' ? end.status : 'error',
          results,
          finished: end as Extract<SqlServerMessage, { type: 'finished' }>,
          firstRowsMs: run?.firstRowsAt ? run.firstRowsAt - run.sentAt : null,
        } satisfies SqlRunResult;
      },
      `run ${id}`,
      timeoutMs,
    );
  const start = (script: string, id = `r${++counter}`, editor?: string) => {
    runs.set(id, { results: new Map(), sentAt: Date.now(), firstRowsAt: null });
    ws.send(JSON.stringify({ type: 'run', id, script, ...(editor ? { editor } : {}) }));
    return id;
  };
  const client: SqlClient = {
    ws,
    messages,
    send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    run: (script, runOptions = {}) => waitForRun(start(script, runOptions.id, runOptions.editor)),
    start: (script, id) => start(script, id),
    waitForRun,
    waitForMessage: (type, predicate = () => true, timeoutMs = 15_000) =>
      until(() => messages.find((m) => m.type === type && predicate(m as never)) as never, `a ${type} message`, timeoutMs),
    closed,
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(client));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

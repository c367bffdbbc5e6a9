import { randomInt } from 'node:crypto';
import net from 'node:net';
import { DemoPgEngine, EngineRestartedError } from './demo-pg-engine';
import * as wire from './demo-pg-wire';
import { log } from '../../log/logger';

/** `processId` and `secretKey` are this connection's own, so a cancel names the statement it means. */
type Connection = {
  socket: net.Socket;
  processId: number;
  secretKey: number;
  isMidExchange: boolean;
  isDiscardingToSync: boolean;
  isCancelCallParsed: boolean;
};
type Item = { connection: Connection; bytes: Uint8Array };

const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x48, 0x43]); // Parse Bind Describe Execute Flush Close
const CANCEL_CALL = /\bpg_cancel_backend\s*\(\s*(\$1|\d+)\s*\)/i;
/** A session-level SET as a simple query (how consoles apply read-only and timeouts): replayed after a restart. */
const SESSION_SET = /^\s*set\s+(?!local\b|transaction\b)/i;

export const DEMO_CANCEL_DETAIL =
  'The demo database (PGlite) cannot interrupt a running statement, so Porthole restarted it: its data is back to the demo seed.';

/**
 * The demo database on the PostgreSQL wire protocol, on 127.0.0.1. One engine (one backend)
 * serves every connection, one message at a time. While a connection is inside a transaction,
 * or in an extended-protocol exchange not yet closed by Sync (a cursor's open portal lives
 * until then), only its messages are served, so another connection's statements never land
 * in it or end it.
 *
 * The front answers startups itself, with a process id per connection, so a second
 * connection gets in while a statement runs; a cancel naming the running statement's
 * connection (a CancelRequest, or pg_cancel_backend(pid) from another connection, which is
 * how the SQL console cancels) then restarts the engine and the statement fails with 57014
 * like a cancelled statement on a real server.
 */
export class DemoPgFront {
  private readonly server = net.createServer((socket) => this.serve(socket));
  private readonly engine: DemoPgEngine;
  private readonly queue: Item[] = [];
  private readonly sessionSettings: Item[] = [];
  private running: Item | undefined;
  private owner: Connection | undefined;
  private isInTransaction = false;
  private isProcessing = false;
  private restarting: Promise<void> | undefined;
  private readonly connections = new Set<Connection>();
  private nextProcessId = 1000 + Math.floor(Math.random() * 1000);

  constructor(seedSql: string) {
    this.engine = new DemoPgEngine(seedSql);
  }

  async listen(): Promise<number> {
    await this.engine.parameters();
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server.unref();
    return (this.server.address() as net.AddressInfo).port;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.engine.close();
  }

  /** A client left: forget it, and close what it left open on the shared backend. */
  private drop(connection: Connection): void {
    this.connections.delete(connection);
    for (const list of [this.queue, this.sessionSettings]) {
      for (let i = list.length - 1; i >= 0; i--) if (list[i]!.connection === connection) list.splice(i, 1);
    }
    if (this.owner === connection) {
      // The backend is shared: what this client left open is closed for it. An exchange
      // left without Sync (after an error the backend ignores everything until one) gets
      // its Sync, then an open transaction its ROLLBACK; their answers go nowhere.
      const closing = [
        ...(connection.isMidExchange ? [{ connection, bytes: syncMessage() }] : []),
        ...(this.isInTransaction ? [{ connection, bytes: simpleQuery('ROLLBACK') }] : []),
      ];
      this.owner = undefined;
      connection.isMidExchange = false;
      connection.isDiscardingToSync = false;
      this.queue.unshift(...closing);
      void this.processQueue();
    }
  }

  private serve(socket: net.Socket): void {
    socket.setNoDelay(true);
    const connection: Connection = {
      socket,
      processId: this.nextProcessId++,
      secretKey: randomInt(0x7fffffff),
      isMidExchange: false,
      isDiscardingToSync: false,
      isCancelCallParsed: false,
    };
    this.connections.add(connection);
    let buffer: Buffer = Buffer.alloc(0);
    let isStarted = false;
    socket.on('data', (chunk: Buffer) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!isStarted) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          const code = buffer.readInt32BE(4);
          if (code === wire.SSL_REQUEST || code === wire.GSS_REQUEST) {
            socket.write('N');
            buffer = buffer.subarray(8);
            continue;
          }
          if (code === wire.CANCEL_REQUEST) {
            const target =
              buffer.length >= 16
                ? [...this.connections].find((c) => c.processId === buffer.readInt32BE(8) && c.secretKey === buffer.readInt32BE(12))
                : undefined;
            if (target) void this.cancelRunning(target.processId);
            socket.end();
            return;
          }
          if (code !== wire.PROTOCOL_3) return void socket.destroy();
          if (buffer.length < length) return;
          buffer = buffer.subarray(length);
          isStarted = true;
          void this.greet(connection);
          continue;
        }
        if (buffer.length < 5) break;
        const length = 1 + buffer.readInt32BE(1);
        if (buffer.length < length) break;
        const bytes = new Uint8Array(buffer.subarray(0, length));
        buffer = buffer.subarray(length);
        // Terminate: the client is leaving; the shared backend stays.
        if (bytes[0] === wire.TERMINATE) return void socket.end();
        const text = wire.statementText(bytes);
        const call = text === undefined ? null : CANCEL_CALL.exec(text);
        if (call?.[1] === '$1') connection.isCancelCallParsed = true;
        else if (call) void this.cancelRunning(Number(call[1]));
        if (bytes[0] === wire.BIND && connection.isCancelCallParsed) {
          connection.isCancelCallParsed = false;
          const pid = Number(wire.firstBindParameter(bytes));
          if (Number.isInteger(pid)) void this.cancelRunning(pid);
        }
        if (bytes[0] === wire.QUERY && text !== undefined && SESSION_SET.test(text)) this.sessionSettings.push({ connection, bytes });
        this.queue.push({ connection, bytes });
      }
      void this.processQueue();
    });
    socket.on('close', () => this.drop(connection));
    socket.on('error', () => socket.destroy());
  }

  /** A startup answered without the engine: every connection shares its one backend anyway. */
  private async greet(connection: Connection): Promise<void> {
    const parameters = await this.engine.parameters();
    if (connection.socket.destroyed) return;
    connection.socket.write(
      Buffer.concat([
        wire.authenticationOk(),
        ...Object.entries(parameters).map(([name, value]) => wire.parameterStatus(name, value)),
        wire.backendKeyData(connection.processId, connection.secretKey),
        wire.readyForQuery('I'),
      ]),
    );
  }

  private async processQueue(): Promise<void> {
    if (this.isProcessing) return;
    this.isProcessing = true;
    try {
      while (this.queue.length > 0) {
        let index = 0;
        if (this.owner && (this.owner.isMidExchange || this.isInTransaction)) {
          index = this.queue.findIndex((item) => item.connection === this.owner);
          if (index < 0) break;
        }
        const [item] = this.queue.splice(index, 1);
        const { connection, bytes } = item!;
        this.owner = connection;
        const type = bytes[0]!;
        if (connection.isDiscardingToSync) {
          // After an error the server skips an exchange's messages up to its Sync.
          if (type !== wire.SYNC) continue;
          connection.isDiscardingToSync = false;
          connection.isMidExchange = false;
          write(connection, wire.readyForQuery('I'));
          continue;
        }
        if (EXTENDED.has(type)) connection.isMidExchange = true;
        else if (type === wire.SYNC || type === wire.QUERY) connection.isMidExchange = false;
        this.running = item;
        try {
          this.isInTransaction = await this.engine.run(bytes, (data) => write(connection, data));
        } catch (error) {
          if (!(error instanceof EngineRestartedError)) connection.socket.destroy(error instanceof Error ? error : undefined);
        } finally {
          this.running = undefined;
        }
        if (this.restarting) await this.restarting.catch(() => undefined);
      }
    } finally {
      this.isProcessing = false;
    }
  }

  /**
   * Ends the statement running for the connection with this process id, if one is: its client
   * gets 57014 (and, for a simple query, ReadyForQuery), the engine restarts, and the sessions'
   * SETs are applied again so a read-only console stays read-only.
   */
  private async cancelRunning(processId: number): Promise<void> {
    const running = this.running;
    if (!running || running.connection.processId !== processId || this.restarting) return;
    const victim = running.connection;
    write(victim, wire.errorResponse({ code: '57014', message: 'canceling statement due to user request', detail: DEMO_CANCEL_DETAIL }));
    if (running.bytes[0] === wire.QUERY) write(victim, wire.readyForQuery('I'));
    else victim.isDiscardingToSync = true;
    this.restarting = (async () => {
      await this.engine.restart();
      this.isInTransaction = false;
      for (const setting of this.sessionSettings) await this.engine.run(setting.bytes, () => undefined).catch(() => undefined);
    })();
    try {
      await this.restarting;
    } catch (error) {
      log().error({ err: error }, 'the demo database did not restart');
    } finally {
      this.restarting = undefined;
    }
  }
}

function write(connection: Connection, bytes: Uint8Array): void {
  if (bytes.length > 0 && !connection.socket.destroyed) connection.socket.write(bytes);
}

function simpleQuery(sql: string): Uint8Array {
  const body = Buffer.from(`${sql}\0`, 'utf8');
  const header = Buffer.alloc(5);
  header.write('Q', 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return new Uint8Array(Buffer.concat([header, body]));
}

function syncMessage(): Uint8Array {
  return new Uint8Array([wire.SYNC, 0, 0, 0, 4]);
}

import net from 'node:net';
import type { Readable } from 'node:stream';
import { resolveTargetHost } from '../resolve-target-host';
import mysql from 'mysql2';
import type { ColumnReferences, SqlCell, SqlColumn, SqlConnection, SqlCursor, SqlPage, SqlTarget } from '../sql/sql-connection';
import { SqlError } from '../sql/sql-error';
import { statementReferences } from '../sql/statement-references';
import { normalizeMysqlConnectError, normalizeMysqlQueryError } from './mysql-errors';
import { isMysqlBinary, mayHaveDerivedTables, mysqlFieldSource, mysqlTypeName, type MysqlField } from './mysql-types';

/** Rows the driver may buffer ahead of the reader before it stops reading the socket. */
const STREAM_HIGH_WATER_ROWS = 2000;
/** A page is returned early when rows are waiting but no more arrived for this long. */
const PARTIAL_PAGE_MS = 30;

export function mysqlTls(target: Pick<SqlTarget, 'tls'>): mysql.SslOptions | undefined {
  if (target.tls.mode === 'disable') return undefined;
  if (target.tls.mode === 'require') return { rejectUnauthorized: false };
  return { rejectUnauthorized: true, ca: target.tls.ca || undefined };
}

/**
 * The socket goes to `address`, the checked one; `host` stays the name, which mysql2 uses as
 * the TLS server name.
 */
function connectionOptions(target: SqlTarget, address: string): mysql.ConnectionOptions {
  return {
    host: target.host,
    stream: () => net.connect({ host: address, port: target.port, noDelay: true, keepAlive: true }),
    port: target.port,
    user: target.user,
    password: target.password ?? '',
    database: target.database,
    ssl: mysqlTls(target),
    connectTimeout: target.connectTimeoutMs ?? 10_000,
    charset: 'utf8mb4',
    multipleStatements: false,
    rowsAsArray: true,
    // Raw bytes per cell: converted once below, by column, into what the mysql client prints.
    typeCast: false,
    enableKeepAlive: true,
  };
}

async function connect(target: SqlTarget): Promise<mysql.Connection> {
  const address = await resolveTargetHost({ host: target.host, port: target.port, service: 'MySQL' });
  return new Promise((resolve, reject) => {
    const connection = mysql.createConnection(connectionOptions(target, address));
    connection.once('error', reject);
    connection.connect((error) => {
      connection.removeListener('error', reject);
      if (error) {
        connection.destroy();
        reject(error);
      } else resolve(connection);
    });
  });
}

function run(connection: mysql.Connection, sql: string): Promise<unknown> {
  return new Promise((resolve, reject) =>
    connection.query({ sql, typeCast: true, rowsAsArray: false }, (error, rows) => (error ? reject(error) : resolve(rows))),
  );
}

/** The first keyword of a statement, as its command tag (`SELECT`, `UPDATE`, ...). */
export function commandTag(statement: string): string {
  const text = statement.replace(/^(\s+|--[^\n]*\n?|#[^\n]*\n?|\/\*[\s\S]*?\*\/)+/, '');
  return (/^[A-Za-z]+/.exec(text)?.[0] ?? '').toUpperCase();
}

/** Read-only and the statement time limit for this session; answers the server's name and version. */
async function applySessionSettings(connection: mysql.Connection, target: SqlTarget): Promise<string> {
  const [row] = (await run(connection, 'SELECT VERSION() AS v')) as { v: string }[];
  const version = row?.v ?? '';
  const isMariaDb = /mariadb/i.test(version);
  await run(connection, `SET SESSION TRANSACTION ${target.isReadOnly ? 'READ ONLY' : 'READ WRITE'}`);
  const timeoutMs = Math.max(0, Math.floor(target.statementTimeoutMs));
  await run(connection, isMariaDb ? `SET SESSION max_statement_time = ${timeoutMs / 1000}` : `SET SESSION max_execution_time = ${timeoutMs}`);
  return `${isMariaDb ? 'MariaDB' : 'MySQL'} ${version.replace(/-.*$/, '')}`;
}

/** KILL QUERY from a second, short-lived connection: the statement stops, its connection stays. */
async function killRunningQuery(target: SqlTarget, threadId: number): Promise<boolean> {
  let killer: mysql.Connection | undefined;
  try {
    killer = await connect(target);
    killer.on('error', () => undefined);
    await run(killer, `KILL QUERY ${threadId}`);
    return true;
  } catch {
    return false;
  } finally {
    killer?.destroy();
  }
}

/**
 * One console connection to MySQL or MariaDB. Session settings at connect: read-only
 * (`SET SESSION TRANSACTION READ ONLY`) and the statement time limit (`max_statement_time` on
 * MariaDB, `max_execution_time` on MySQL, which only limits SELECT).
 */
export async function openMysql(target: SqlTarget): Promise<SqlConnection> {
  const endpoint = { host: target.host, port: target.port, user: target.user, database: target.database };
  let connection: mysql.Connection;
  try {
    connection = await connect(target);
  } catch (error) {
    throw normalizeMysqlConnectError(error, endpoint);
  }
  let lostListener: ((error: Error) => void) | undefined;
  let lostError: Error | undefined;
  let isClosing = false;
  const onLost = (error: Error) => {
    if (isClosing || lostError) return;
    lostError = error;
    lostListener?.(error);
  };
  connection.on('error', (error: Error) => onLost(error));
  connection.on('end', () => onLost(new SqlError('connection_lost', 'The database closed the connection.')));

  let serverVersion: string;
  try {
    serverVersion = await applySessionSettings(connection, target);
  } catch (error) {
    isClosing = true;
    connection.destroy();
    throw normalizeMysqlConnectError(error, endpoint);
  }

  let running: MysqlCursor | undefined;
  const killQuery = () => killRunningQuery(target, Number(connection.threadId));

  return {
    dialect: 'mysql',
    serverVersion,
    isReadOnly: target.isReadOnly,
    execute(statement) {
      if (lostError) throw new SqlError('connection_lost', 'The connection to the database was lost.');
      if (running) throw new Error('a statement is already running on this connection');
      running = new MysqlCursor(connection, statement, killQuery, () => (running = undefined));
      return running;
    },
    async cancel() {
      if (!running) return false;
      return killQuery();
    },
    async checkSyntax(statement) {
      if (running) return null;
      try {
        await run(connection, `PREPARE porthole_syntax_check FROM ${mysql.escape(statement)}`);
        await run(connection, 'DEALLOCATE PREPARE porthole_syntax_check');
        return null;
      } catch (error) {
        const problem = normalizeMysqlQueryError(error, statement);
        return problem.code === 'syntax_error' ? problem : null;
      }
    },
    async close() {
      isClosing = true;
      await new Promise<void>((resolve) => connection.end(() => resolve()));
      connection.destroy();
    },
    onLost(listener) {
      lostListener = listener;
      if (lostError) listener(lostError);
    },
  };
}

type ResultHeader = { affectedRows?: number; fieldCount?: number };

/**
 * The definitions of the views a statement names, and of the views those name (MariaDB stores
 * definitions with backquoted names), in any schema. Case-insensitive on purpose: more views
 * only mask more.
 */
const VIEWS_QUERY = `WITH RECURSIVE seen(name, def, depth) AS (
  SELECT TABLE_NAME, VIEW_DEFINITION, 0 FROM information_schema.VIEWS WHERE LOWER(TABLE_NAME) IN (?)
  UNION
  SELECT v.TABLE_NAME, v.VIEW_DEFINITION, seen.depth + 1 FROM seen JOIN information_schema.VIEWS v ON LOCATE(CONCAT('\`', v.TABLE_NAME, '\`'), seen.def) > 0 WHERE seen.depth < 8
)
SELECT name, def FROM seen`;

/**
 * What the views a statement names read, asked on the console's connection just before the
 * statement (the driver runs them in order), or null when it names none. MariaDB reports a
 * view's own column (and an alias as its table) as a field's source, so a view can rename a
 * masked column out of sight: see `viewFields`.
 */
function lookUpViews(connection: mysql.Connection, statement: string): Promise<ColumnReferences | null> {
  const named = statementReferences(statement, 'mysql');
  const names = [...new Set([...named.relations, ...named.columns.filter((name) => !name.includes('.'))])];
  if (names.length === 0) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    connection.query({ sql: VIEWS_QUERY, values: [names], rowsAsArray: false }, (error, rows) => {
      if (error)
        return reject(new SqlError('query_failed', 'Porthole could not read which views this statement reads, so its result is not shown.', { cause: error }));
      try {
        const views = rows as { def: Buffer | string | null }[];
        if (views.length === 0) return resolve(null);
        // An empty definition: the user may not SHOW VIEW, so the view may read anything.
        const reads = views.map((view) => (view.def ? statementReferences(view.def.toString(), 'mysql') : { columns: [], relations: [], isOpaque: true }));
        resolve({ columns: reads.flatMap((r) => r.columns), relations: reads.flatMap((r) => r.relations), isOpaque: reads.some((r) => r.isOpaque) });
      } catch (cause) {
        reject(new SqlError('query_failed', 'Porthole could not read which views this statement reads, so its result is not shown.', { cause }));
      }
    });
  });
}

/** A statement that reads a view: no field's reported source can be trusted, and each carries what the views read. */
function viewFields(columns: SqlColumn[], reads: ColumnReferences): SqlColumn[] {
  return columns.map((column) => ({
    name: column.name,
    type: column.type,
    source: null,
    names: [...(column.names ?? []), ...(column.source ? [column.source.column, `${column.source.table}.${column.source.column}`] : [])],
    reads,
  }));
}

/** A streamed query read in pages; the driver stops reading the socket while pages are not read. */
class MysqlCursor implements SqlCursor {
  private readonly stream: Readable;
  private fields: MysqlField[] | undefined;
  private convert: ((raw: (Buffer | null)[]) => SqlCell[]) | undefined;
  private hasSentColumns = false;
  private error: unknown;
  private isEnded = false;
  private isFinished = false;
  private isClosing = false;
  private affectedRows: number | null = null;
  private wake: (() => void) | undefined;
  private readonly views: Promise<ColumnReferences | null>;

  constructor(
    connection: mysql.Connection,
    private readonly statement: string,
    private readonly killQuery: () => Promise<boolean>,
    private readonly onFinish: () => void,
  ) {
    this.views = lookUpViews(connection, statement);
    this.views.catch(() => undefined);
    const query = connection.query({ sql: statement, rowsAsArray: true, typeCast: false });
    this.stream = query.stream({ highWaterMark: STREAM_HIGH_WATER_ROWS });
    this.stream.on('fields', (fields: MysqlField[] | undefined) => {
      // A command without rows (INSERT, DDL) announces `undefined` fields before its OK packet.
      if (!fields) return;
      this.fields = fields;
      const binary = fields.map(isMysqlBinary);
      this.convert = (raw) => raw.map((cell, i) => (cell === null ? null : binary[i] ? `0x${cell.toString('hex').toUpperCase()}` : cell.toString('utf8')));
      this.notify();
    });
    this.stream.on('readable', () => this.notify());
    this.stream.on('end', () => {
      this.isEnded = true;
      this.notify();
    });
    this.stream.on('error', (error) => {
      this.error = error;
      this.notify();
    });
  }

  private tail: Promise<unknown> = Promise.resolve();

  /** Reads may be issued ahead (the gateway reads one page ahead): they are served in order. */
  read(maxRows: number): Promise<SqlPage> {
    const page = this.tail.then(() => this.readNow(maxRows));
    this.tail = page.catch(() => undefined);
    return page;
  }

  private async readNow(maxRows: number): Promise<SqlPage> {
    if (this.isFinished) return { columns: null, rows: [], isDone: true };
    const rows: SqlCell[][] = [];
    const started = Date.now();
    for (;;) {
      if (this.error) {
        this.finish();
        throw normalizeMysqlQueryError(this.error, this.statement);
      }
      let item: unknown;
      while (rows.length < maxRows && (item = this.stream.read()) !== null) {
        if (Array.isArray(item) && this.convert) rows.push(this.convert(item as (Buffer | null)[]));
        else this.affectedRows = (item as ResultHeader).affectedRows ?? null;
      }
      if (rows.length >= maxRows) break;
      if (this.isEnded) break;
      const waited = Date.now() - started;
      if (rows.length > 0 && waited >= PARTIAL_PAGE_MS) break;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        if (rows.length > 0) setTimeout(resolve, PARTIAL_PAGE_MS - waited);
      });
      this.wake = undefined;
    }
    const isDerivedPossible = !this.hasSentColumns && this.fields ? mayHaveDerivedTables(this.statement) : false;
    let columns: SqlColumn[] | null =
      !this.hasSentColumns && this.fields
        ? this.fields.map((f) => ({ name: f.name, type: mysqlTypeName(f), ...mysqlFieldSource(f, isDerivedPossible) }))
        : null;
    if (columns) {
      this.hasSentColumns = true;
      let views: ColumnReferences | null;
      try {
        views = await this.views;
      } catch (error) {
        await this.close();
        throw error;
      }
      if (views) columns = viewFields(columns, views);
    }
    const isDone = this.isEnded && this.stream.readableLength === 0;
    if (isDone) this.finish();
    return {
      columns,
      rows,
      isDone,
      ...(isDone ? { command: commandTag(this.statement), rowCount: this.fields ? null : this.affectedRows } : {}),
    };
  }

  /** Stops the statement on the server (KILL QUERY) rather than draining every remaining row. */
  async close(): Promise<void> {
    if (this.isFinished || this.isClosing) return;
    this.isClosing = true;
    if (!this.isEnded && !this.error) await this.killQuery();
    while (!this.isEnded && !this.error) {
      while (this.stream.read() !== null);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, 50);
      });
    }
    this.finish();
  }

  private notify(): void {
    this.wake?.();
  }

  private finish(): void {
    if (this.isFinished) return;
    this.isFinished = true;
    this.onFinish();
  }
}

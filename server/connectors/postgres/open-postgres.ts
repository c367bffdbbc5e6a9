import net from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import pg from 'pg';
import Cursor from 'pg-cursor';
import type { SqlColumn, SqlConnection, SqlCursor, SqlPage, SqlTarget } from '../sql/sql-connection';
import { SqlError } from '../sql/sql-error';
import { statementReferences } from '../sql/statement-references';
import { resolveTargetHost } from '../resolve-target-host';
import { normalizePostgresConnectError, normalizePostgresQueryError } from './postgres-errors';
import { createPostgresSourceResolver, type PgFieldOrigin, type PostgresSourceResolver } from './postgres-sources';
import { postgresTypeName } from './postgres-types';

/** Cells arrive as the server's text, exactly as psql prints them: no parsing, no Date objects. */
const rawText = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

export function postgresTls(target: Pick<SqlTarget, 'tls' | 'host'>): false | ConnectionOptions {
  if (target.tls.mode === 'disable') return false;
  // The socket goes to a resolved address: name the server for SNI, as pg would for a host name.
  const servername = net.isIP(target.host) ? undefined : target.host;
  if (target.tls.mode === 'require') return { rejectUnauthorized: false, servername };
  return { rejectUnauthorized: true, ca: target.tls.ca || undefined, servername };
}

/** `address` is the checked address to connect to; TLS still verifies the certificate against target.host. */
function clientConfig(target: SqlTarget, address: string, applicationName: string): pg.ClientConfig {
  return {
    host: address,
    port: target.port,
    user: target.user,
    password: target.password ?? '',
    database: target.database,
    ssl: postgresTls(target),
    connectionTimeoutMillis: target.connectTimeoutMs ?? 10_000,
    application_name: applicationName,
    keepAlive: true,
    types: rawText,
  };
}

/** Read-only and the statement timeout for this session; answers the server's version. */
async function applySessionSettings(client: pg.Client, target: SqlTarget): Promise<string> {
  const settings = [
    `SET default_transaction_read_only = ${target.isReadOnly ? 'on' : 'off'}`,
    `SET statement_timeout = ${Math.max(0, Math.floor(target.statementTimeoutMs))}`,
  ];
  await client.query(settings.join('; '));
  const version = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  return `PostgreSQL ${version.rows[0]?.v ?? ''}`.trim();
}

/** A second, short-lived connection as the same user: pg_cancel_backend needs no extra privilege for one's own backend. */
async function cancelBackend(config: pg.ClientConfig, backendPid: number): Promise<boolean> {
  const killer = new pg.Client(config);
  killer.on('error', () => undefined);
  try {
    await killer.connect();
    const result = await killer.query<{ ok: boolean }>('SELECT pg_cancel_backend($1) AS ok', [backendPid]);
    return result.rows[0]?.ok === true;
  } catch {
    return false;
  } finally {
    await killer.end().catch(() => undefined);
  }
}

/**
 * One console connection to PostgreSQL. Session settings are applied at connect: read-only
 * (`default_transaction_read_only`), the statement timeout, and an application name that
 * shows in `pg_stat_activity`.
 */
export async function openPostgres(target: SqlTarget): Promise<SqlConnection> {
  const endpoint = { host: target.host, port: target.port, user: target.user, database: target.database };
  const address = await resolveTargetHost({ host: target.host, port: target.port, service: 'PostgreSQL' });
  const client = new pg.Client(clientConfig(target, address, 'porthole sql console'));
  let lostListener: ((error: Error) => void) | undefined;
  let isClosing = false;
  let lostError: Error | undefined;
  const onLost = (error: Error) => {
    if (isClosing || lostError) return;
    lostError = error;
    lostListener?.(error);
  };
  client.on('error', (error) => onLost(error));
  client.on('end', () => onLost(new SqlError('connection_lost', 'The database closed the connection.')));
  try {
    await client.connect();
  } catch (error) {
    isClosing = true;
    await client.end().catch(() => undefined);
    throw normalizePostgresConnectError(error, endpoint);
  }

  let serverVersion: string;
  try {
    serverVersion = await applySessionSettings(client, target);
  } catch (error) {
    isClosing = true;
    await client.end().catch(() => undefined);
    throw normalizePostgresConnectError(error, endpoint);
  }

  let running: { cursor: PgCursor } | undefined;
  // Only for what the catalog loaded before a statement does not hold: a short wait, then the result is not shown.
  const sources = createPostgresSourceResolver(
    () =>
      new pg.Client({
        ...clientConfig(target, address, 'porthole sql console (columns)'),
        connectionTimeoutMillis: LOOKUP_TIMEOUT_MS,
        query_timeout: LOOKUP_TIMEOUT_MS,
      }),
  );
  let noticeListener: ((message: string) => void) | undefined;
  client.on('notice', (notice) => noticeListener?.(noticeText(notice)));
  const backendPid = (client as unknown as { processID: number | null }).processID;

  return {
    dialect: 'postgres',
    serverVersion,
    isReadOnly: target.isReadOnly,
    execute(statement) {
      if (lostError) throw new SqlError('connection_lost', 'The connection to the database was lost.');
      if (running) throw new Error('a statement is already running on this connection');
      // Queued on this connection before the statement's cursor, which then holds it until done.
      const ready = sources.prepare(client, viewCandidates(statement), isChangingCatalog(statement));
      const cursor = new PgCursor(client, statement, sources, ready, () => (running = undefined));
      running = { cursor };
      return cursor;
    },
    async cancel() {
      if (!running || backendPid === null) return false;
      const { cursor } = running;
      cursor.isCancelRequested = true;
      // Still queued behind the catalog reads, the statement is stopped by the flag alone; a
      // server-side cancel now would end a catalog read instead (the demo database even
      // restarts for it). A catalog read that hangs is cancelled after the wait.
      if (await cursor.isStoppedBeforeOpening(CATALOG_CANCEL_WAIT_MS)) return true;
      return cancelBackend({ ...clientConfig(target, address, 'porthole sql console (cancel)'), types: undefined }, backendPid);
    },
    readsOfViews(names) {
      return sources.readsOfViewsNamed(names);
    },
    async close() {
      isClosing = true;
      await Promise.all([client.end().catch(() => undefined), sources.close()]);
    },
    onLost(listener) {
      lostListener = listener;
      if (lostError) listener(lostError);
    },
    onNotice(listener) {
      noticeListener = listener;
    },
  };
}

/** How long a cancel waits for the catalog reads before a statement to end (then it cancels them). */
const CATALOG_CANCEL_WAIT_MS = 2_000;

/** Seconds, not the connect timeout: a statement's result waits on it. */
const LOOKUP_TIMEOUT_MS = 3_000;

/** Statements that read or write rows but leave the catalog as it is; anything else may create, drop or replace a relation. */
const CATALOG_KEEPING = new Set([
  'select',
  'with',
  'values',
  'table',
  'show',
  'explain',
  'fetch',
  'move',
  'close',
  'insert',
  'update',
  'delete',
  'merge',
  'copy',
  'set',
  'reset',
  'begin',
  'start',
  'commit',
  'end',
  'savepoint',
  'release',
  'prepare',
  'execute',
  'deallocate',
  'declare',
  'listen',
  'unlisten',
  'notify',
  'discard',
  'lock',
  'analyze',
  'vacuum',
  'checkpoint',
]);

function isChangingCatalog(statement: string): boolean {
  const keyword = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*([a-z]+)/i.exec(statement)?.[1]?.toLowerCase();
  return keyword === undefined || !CATALOG_KEEPING.has(keyword);
}

/** The names the session asks `readsOfViews` about for this statement (sql-session.ts), so their views are loaded before it runs. */
function viewCandidates(statement: string): string[] {
  const named = statementReferences(statement, 'postgres');
  return named.isOpaque ? [] : [...named.relations, ...named.columns.filter((name) => !name.includes('.'))];
}

/** `NOTICE: key 42`, with its detail and hint, as psql prints it. */
function noticeText(notice: { severity?: string; message?: string; detail?: string; hint?: string }): string {
  const parts = [`${notice.severity ?? 'NOTICE'}: ${notice.message ?? ''}`];
  if (notice.detail) parts.push(`DETAIL: ${notice.detail}`);
  if (notice.hint) parts.push(`HINT: ${notice.hint}`);
  return parts.join(' ');
}

type CursorResult = { command: string | null; rowCount: number | null; fields: ({ name: string; dataTypeID: number } & PgFieldOrigin)[] };

/** A pg-cursor portal read in pages: each read is one Execute with a row limit. */
class PgCursor implements SqlCursor {
  isCancelRequested = false;
  /** Opened once the catalog queries queued before it are answered (`prepare` never fails). */
  private readonly opened: Promise<Cursor>;
  private hasSentColumns = false;
  private isFinished = false;

  constructor(
    client: pg.Client,
    statement: string,
    private readonly sources: PostgresSourceResolver,
    ready: Promise<void>,
    private readonly onFinish: () => void,
  ) {
    this.opened = ready.then(() => {
      // A cancel that reached the catalog queries instead of the statement still stops it.
      if (this.isCancelRequested) throw new SqlError('cancelled', 'The statement was cancelled.');
      return client.query(new Cursor(statement, undefined, { rowMode: 'array', types: rawText }));
    });
    this.opened.catch(() => this.finish());
  }

  async read(maxRows: number): Promise<SqlPage> {
    if (this.isFinished) return { columns: null, rows: [], isDone: true };
    const cursor = await this.opened;
    return new Promise((resolve, reject) => {
      (cursor.read as unknown as (n: number, cb: (error: Error | undefined, rows: unknown[][], result: CursorResult) => void) => void)(
        Math.max(1, maxRows),
        (error, rows, result) => {
          if (error) {
            this.finish();
            return reject(normalizePostgresQueryError(error, { isCancelRequested: this.isCancelRequested }));
          }
          const isFirst = !this.hasSentColumns && result.fields.length > 0;
          if (isFirst) this.hasSentColumns = true;
          const isDone = (cursor as unknown as { state: string }).state === 'done';
          const page = (columns: SqlColumn[] | null): SqlPage => ({
            columns,
            rows: rows as SqlPage['rows'],
            isDone,
            ...(isDone ? { command: result.command ?? '', rowCount: result.rowCount ?? null } : {}),
          });
          if (!isFirst) {
            if (isDone) this.finish();
            return resolve(page(null));
          }
          // Once per result, before its first rows: which table column each field reads.
          this.sources.resolve(result.fields).then(
            (origins) => {
              if (isDone) this.finish();
              resolve(page(result.fields.map((f, i) => ({ name: f.name, type: postgresTypeName(f.dataTypeID), ...(origins[i] ?? { source: null }) }))));
            },
            (error: unknown) => {
              // The portal is closed before the error is told, so the next statement finds the connection free.
              const failed = () => {
                this.finish();
                reject(error instanceof Error ? error : new Error(String(error)));
              };
              if (isDone) return failed();
              this.close().then(failed, failed);
            },
          );
        },
      );
    });
  }

  async close(): Promise<void> {
    if (this.isFinished) return;
    try {
      await (await this.opened.catch(() => undefined))?.close();
    } finally {
      this.finish();
    }
  }

  /** Whether the statement was stopped before its cursor opened; false once it runs, or after `waitMs`. */
  isStoppedBeforeOpening(waitMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), waitMs);
      this.opened.then(
        () => resolve(false),
        () => resolve(true),
      );
      void this.opened.catch(() => undefined).finally(() => clearTimeout(timer));
    });
  }

  private finish(): void {
    if (this.isFinished) return;
    this.isFinished = true;
    this.onFinish();
  }
}

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '@/test/harness/postgres';
import type { SqlConnection, SqlTarget } from '../sql/sql-connection';
import { drainCursor } from '@/test/sql-cursor';
import { openPostgres } from './open-postgres';
import { retainedHeapBytes } from '@/test/retained-heap';

describe('PostgreSQL connector (real server)', () => {
  let target: SqlTarget;
  let adminUrl: string;
  const open: SqlConnection[] = [];
  const connect = async (overrides: Partial<SqlTarget> = {}) => {
    const connection = await openPostgres({ ...target, ...overrides });
    open.push(connection);
    return connection;
  };

  beforeAll(async () => {
    const url = new URL(await createDatabase(inject('postgresUrl'), `sqlc_${randomBytes(5).toString('hex')}`));
    adminUrl = url.toString();
    const password = randomBytes(12).toString('hex');
    const user = `console_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE ROLE ${user} LOGIN PASSWORD '${password}'`);
    await admin.query(`CREATE TABLE customers (id int PRIMARY KEY, email text, card text, note text)`);
    await admin.query(`INSERT INTO customers VALUES (1, 'ada@example.com', '4111 1111 1111 1111', NULL), (2, 'bob@example.com', '5500 0000 0000 0004', 'vip')`);
    await admin.query(`CREATE TABLE secrets (k text)`);
    await admin.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON customers TO ${user}`);
    await admin.query(`GRANT CREATE ON SCHEMA public TO ${user}`);
    await admin.end();
    target = {
      dialect: 'postgres',
      host: '127.0.0.1',
      port: Number(url.port),
      user,
      password,
      database: url.pathname.slice(1),
      tls: { mode: 'disable' },
      isReadOnly: false,
      statementTimeoutMs: 0,
    };
  });

  afterAll(async () => {
    for (const connection of open) await connection.close();
  });

  it('runs a query and returns text cells, NULLs and column types', async () => {
    const connection = await connect();
    expect(connection.serverVersion).toMatch(/^PostgreSQL 15/);
    const result = await drainCursor(
      connection.execute('SELECT id, email AS e, note, 1.50::numeric AS n, now() IS NOT NULL AS t FROM customers c ORDER BY id'),
    );
    // Each field names the table column it reads (from the catalog), or null for an expression.
    const source = (column: string) => ({ schema: 'public', table: 'customers', column });
    expect(result.columns).toEqual([
      { name: 'id', type: 'int4', source: source('id') },
      { name: 'e', type: 'text', source: source('email') },
      { name: 'note', type: 'text', source: source('note') },
      { name: 'n', type: 'numeric', source: null },
      { name: 't', type: 'bool', source: null },
    ]);
    expect(result.rows).toEqual([
      ['1', 'ada@example.com', null, '1.50', 't'],
      ['2', 'bob@example.com', 'vip', '1.50', 't'],
    ]);
    expect(result.command).toBe('SELECT');
  });

  it('runs statements one after another on one connection, with command tags and counts', async () => {
    const connection = await connect();
    expect(await drainCursor(connection.execute('CREATE TEMP TABLE t (x int)'))).toMatchObject({ command: 'CREATE', columns: null, count: 0 });
    expect(await drainCursor(connection.execute('INSERT INTO t SELECT generate_series(1, 5)'))).toMatchObject({ command: 'INSERT', rowCount: 5 });
    expect(await drainCursor(connection.execute('UPDATE t SET x = x + 1 WHERE x > 2'))).toMatchObject({ command: 'UPDATE', rowCount: 3 });
    expect((await drainCursor(connection.execute('SELECT sum(x) FROM t'))).rows).toEqual([['18']]);
  });

  it('reports a syntax error with its position, and the connection stays usable', async () => {
    const connection = await connect();
    const statement = 'SELECT id FROM customers WHERE id = = 1';
    await expect(drainCursor(connection.execute(statement))).rejects.toMatchObject({
      code: 'syntax_error',
      position: statement.indexOf('= 1'),
      serverCode: '42601',
    });
    await expect(drainCursor(connection.execute('SELECT nope FROM customers'))).rejects.toMatchObject({ code: 'query_failed', position: 7 });
    expect((await drainCursor(connection.execute('SELECT 1'))).rows).toEqual([['1']]);
  });

  it('reports permission denied clearly', async () => {
    const connection = await connect();
    await expect(drainCursor(connection.execute('SELECT * FROM secrets'))).rejects.toMatchObject({
      code: 'permission_denied',
      userMessage: expect.stringMatching(/permission denied for table secrets/),
    });
  });

  it('cancels a running pg_sleep(30) from a second connection', async () => {
    const connection = await connect();
    const started = Date.now();
    const running = drainCursor(connection.execute('SELECT pg_sleep(30)')).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await connection.cancel()).toBe(true);
    expect(await running).toMatchObject({ code: 'cancelled' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await drainCursor(connection.execute('SELECT 2'))).rows).toEqual([['2']]);
    expect(await connection.cancel()).toBe(false);
  });

  it('stops a statement at the resource time limit', async () => {
    const connection = await connect({ statementTimeoutMs: 300 });
    await expect(drainCursor(connection.execute('SELECT pg_sleep(5)'))).rejects.toMatchObject({ code: 'timeout' });
    expect((await drainCursor(connection.execute('SELECT 3'))).rows).toEqual([['3']]);
  });

  it('refuses writes in read-only mode', async () => {
    const connection = await connect({ isReadOnly: true });
    expect(connection.isReadOnly).toBe(true);
    await expect(drainCursor(connection.execute("UPDATE customers SET note = 'x'"))).rejects.toMatchObject({ code: 'read_only' });
    expect((await drainCursor(connection.execute('SELECT count(*) FROM customers'))).rows).toEqual([['2']]);
  });

  it('normalizes connection failures', async () => {
    await expect(openPostgres({ ...target, password: 'wrong' })).rejects.toMatchObject({ code: 'auth_failed' });
    await expect(openPostgres({ ...target, database: 'missing_db' })).rejects.toMatchObject({
      code: 'connect_failed',
      userMessage: expect.stringMatching(/does not exist/),
    });
    await expect(openPostgres({ ...target, port: 1 })).rejects.toMatchObject({ code: 'connection_refused' });
    await expect(openPostgres({ ...target, tls: { mode: 'require' } })).rejects.toMatchObject({ userMessage: expect.stringMatching(/TLS/) });
  });

  it('stops early at a row cap and keeps the connection usable', async () => {
    const connection = await connect();
    const cursor = connection.execute('SELECT g FROM generate_series(1, 1000000) g');
    const first = await cursor.read(100);
    expect(first.rows).toHaveLength(100);
    expect(first.isDone).toBe(false);
    await cursor.close();
    expect((await drainCursor(connection.execute('SELECT 4'))).rows).toEqual([['4']]);
  });

  it('streams a 1,000,000-row result page by page with bounded memory', async () => {
    const connection = await connect();
    const before = retainedHeapBytes();
    let peak = before;
    const cursor = connection.execute("SELECT g, md5(g::text), 'row ' || g FROM generate_series(1, 1000000) g");
    let count = 0;
    let pages = 0;
    for (;;) {
      const page = await cursor.read(2000);
      count += page.rows.length;
      // Every 100 pages (200,000 rows): what the stream keeps, not the garbage it leaves.
      if (++pages % 100 === 0) peak = Math.max(peak, retainedHeapBytes());
      if (page.isDone) break;
    }
    expect(count).toBe(1_000_000);
    expect(peak - before).toBeLessThan(50 * 1024 * 1024);
  }, 60_000);
});

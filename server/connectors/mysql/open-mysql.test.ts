import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMariaDb, type TestMariaDb } from '@/test/harness/mariadb';
import type { SqlConnection, SqlTarget } from '../sql/sql-connection';
import { drainCursor } from '@/test/sql-cursor';
import { mysqlSyntaxErrorPosition } from './mysql-errors';
import { openMysql } from './open-mysql';
import { retainedHeapBytes } from '@/test/retained-heap';

describe('MySQL connector (real MariaDB)', () => {
  let server: TestMariaDb;
  let target: SqlTarget;
  const open: SqlConnection[] = [];
  const connect = async (overrides: Partial<SqlTarget> = {}) => {
    const connection = await openMysql({ ...target, ...overrides });
    open.push(connection);
    return connection;
  };

  beforeAll(async () => {
    server = await startMariaDb();
    const user = `console_${randomBytes(3).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    await server.createDatabase('shop');
    await server.admin(
      [
        'CREATE TABLE shop.customers (id INT PRIMARY KEY, email VARCHAR(200), card VARCHAR(40), note TEXT, avatar VARBINARY(8))',
        "INSERT INTO shop.customers VALUES (1, 'ada@example.com', '4111 1111 1111 1111', NULL, 0x0102), (2, 'bob@example.com', '5500 0000 0000 0004', 'vip', NULL)",
        'CREATE DATABASE vault',
        'CREATE TABLE vault.secrets (k TEXT)',
        `CREATE USER '${user}'@'127.0.0.1' IDENTIFIED BY '${password}'`,
        `GRANT ALL PRIVILEGES ON shop.* TO '${user}'@'127.0.0.1'`,
      ].join('; '),
    );
    target = {
      dialect: 'mysql',
      host: '127.0.0.1',
      port: server.port,
      user,
      password,
      database: 'shop',
      tls: { mode: 'disable' },
      isReadOnly: false,
      statementTimeoutMs: 0,
    };
  }, 60_000);

  afterAll(async () => {
    for (const connection of open) await connection.close().catch(() => undefined);
    await server?.stop();
  });

  it('runs a query and returns text cells, NULLs, hex bytes and column types', async () => {
    const connection = await connect();
    expect(connection.serverVersion).toMatch(/^MariaDB 10\./);
    const result = await drainCursor(connection.execute('SELECT id, email AS e, note, avatar, 1.50 AS n FROM customers ORDER BY id'));
    // Each field names the table column it reads (orgTable, orgName), or null for an expression.
    const source = (column: string) => ({ schema: 'shop', table: 'customers', column });
    expect(result.columns).toEqual([
      { name: 'id', type: 'int', source: source('id') },
      { name: 'e', type: 'varchar', source: source('email') },
      { name: 'note', type: 'text', source: source('note') },
      { name: 'avatar', type: 'varbinary', source: source('avatar') },
      { name: 'n', type: 'decimal', source: null },
    ]);
    expect(result.rows).toEqual([
      ['1', 'ada@example.com', null, '0x0102', '1.50'],
      ['2', 'bob@example.com', 'vip', null, '1.50'],
    ]);
    expect(result.command).toBe('SELECT');
  });

  it('runs statements one after another, with affected-row counts', async () => {
    const connection = await connect();
    expect(await drainCursor(connection.execute('CREATE TABLE t (x INT)'))).toMatchObject({ command: 'CREATE', columns: null, count: 0 });
    expect(await drainCursor(connection.execute('INSERT INTO t VALUES (1), (2), (3), (4), (5)'))).toMatchObject({ command: 'INSERT', rowCount: 5 });
    expect(await drainCursor(connection.execute('UPDATE t SET x = x + 1 WHERE x > 2'))).toMatchObject({ command: 'UPDATE', rowCount: 3 });
    expect((await drainCursor(connection.execute('SELECT SUM(x) FROM t'))).rows).toEqual([['18']]);
    await drainCursor(connection.execute('DROP TABLE t'));
  });

  it('reports a syntax error with its position, and the connection stays usable', async () => {
    const connection = await connect();
    const statement = 'SELECT id FROM customers WHERE id = = 1';
    await expect(drainCursor(connection.execute(statement))).rejects.toMatchObject({
      code: 'syntax_error',
      position: statement.indexOf('= 1'),
      serverCode: '1064',
    });
    expect((await drainCursor(connection.execute('SELECT 1'))).rows).toEqual([['1']]);
  });

  it('finds syntax error positions on later lines and at the end', () => {
    const statement = 'SELECT 1\nFROM dual\nWHERE x = )';
    expect(mysqlSyntaxErrorPosition(statement, "You have an error in your SQL syntax; check the manual ... near ')' at line 3")).toBe(statement.indexOf(')'));
    expect(mysqlSyntaxErrorPosition('SELECT * FROM', "... to use near '' at line 1")).toBe(13);
  });

  it('reports permission denied clearly', async () => {
    const connection = await connect();
    await expect(drainCursor(connection.execute('SELECT * FROM vault.secrets'))).rejects.toMatchObject({ code: 'permission_denied' });
  });

  it('cancels a running SLEEP(30) with KILL QUERY from a second connection', async () => {
    const connection = await connect();
    const started = Date.now();
    // MariaDB answers a killed SLEEP() with a row (1) rather than an error: either way it returns at once.
    const running = drainCursor(connection.execute('SELECT SLEEP(30) AS s, (SELECT COUNT(*) FROM customers) AS n')).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await connection.cancel()).toBe(true);
    const outcome = await running;
    expect(Date.now() - started).toBeLessThan(5000);
    if (outcome instanceof Error) expect(outcome).toMatchObject({ code: 'cancelled' });
    else expect(outcome).toMatchObject({ rows: [['1', '2']] });
    expect((await drainCursor(connection.execute('SELECT 2'))).rows).toEqual([['2']]);
  });

  it('cancels a long-running scan with an error', async () => {
    const connection = await connect();
    const running = drainCursor(connection.execute("SELECT COUNT(*) FROM seq_1_to_1000000000 a WHERE MD5(a.seq) = 'x'")).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await connection.cancel()).toBe(true);
    expect(await running).toMatchObject({ code: 'cancelled' });
  });

  it('stops a statement at the resource time limit', async () => {
    const connection = await connect({ statementTimeoutMs: 300 });
    await expect(drainCursor(connection.execute("SELECT COUNT(*) FROM seq_1_to_1000000000 a WHERE MD5(a.seq) = 'x'"))).rejects.toMatchObject({
      code: 'timeout',
    });
    expect((await drainCursor(connection.execute('SELECT 3'))).rows).toEqual([['3']]);
  });

  it('refuses writes in read-only mode', async () => {
    const connection = await connect({ isReadOnly: true });
    await expect(drainCursor(connection.execute("UPDATE customers SET note = 'x'"))).rejects.toMatchObject({ code: 'read_only' });
    expect((await drainCursor(connection.execute('SELECT COUNT(*) FROM customers'))).rows).toEqual([['2']]);
  });

  it('normalizes connection failures', async () => {
    await expect(openMysql({ ...target, password: 'wrong' })).rejects.toMatchObject({ code: 'auth_failed' });
    await expect(openMysql({ ...target, port: 1 })).rejects.toMatchObject({ code: 'connection_refused' });
    await expect(openMysql({ ...target, tls: { mode: 'require' } })).rejects.toMatchObject({ userMessage: expect.stringMatching(/TLS/) });
  });

  it('stops early at a row cap and keeps the connection usable', async () => {
    const connection = await connect();
    const cursor = connection.execute('SELECT seq FROM seq_1_to_1000000');
    const first = await cursor.read(100);
    expect(first.rows).toHaveLength(100);
    expect(first.isDone).toBe(false);
    const started = Date.now();
    await cursor.close();
    expect(Date.now() - started).toBeLessThan(3000);
    expect((await drainCursor(connection.execute('SELECT 4'))).rows).toEqual([['4']]);
  });

  it('streams a 1,000,000-row result page by page with bounded memory', async () => {
    const connection = await connect();
    const before = retainedHeapBytes();
    let peak = before;
    const cursor = connection.execute("SELECT seq, MD5(seq), CONCAT('row ', seq) FROM seq_1_to_1000000");
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

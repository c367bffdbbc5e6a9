import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlError } from '@/server/connectors/sql/sql-error';
import { openPostgres } from '../../connectors/postgres/open-postgres';
import { luhnCard } from './demo-seed';
import { startDemoDatabaseServer, type DemoDatabase } from './start-demo-database';

describe('demo database (PGlite on the PostgreSQL wire protocol)', () => {
  let demo: DemoDatabase;
  beforeAll(async () => {
    demo = await startDemoDatabaseServer();
  }, 60_000);
  afterAll(async () => {
    await demo?.close();
  });

  it('serves fake customers to a real PostgreSQL client, with cursors and several connections', async () => {
    const target = {
      dialect: 'postgres' as const,
      host: demo.host,
      port: demo.port,
      user: 'postgres',
      password: 'x',
      database: 'postgres',
      tls: { mode: 'disable' as const },
      isReadOnly: false,
      statementTimeoutMs: 0,
    };
    const [one, two] = await Promise.all([openPostgres(target), openPostgres(target)]);
    try {
      const cursor = one.execute('SELECT id, email, card_number, api_token FROM customers ORDER BY id');
      const first = await cursor.read(10);
      expect(first.columns?.map((c) => c.name)).toEqual(['id', 'email', 'card_number', 'api_token']);
      expect(first.rows[0]?.[1]).toMatch(/@example\.com$/);
      expect(first.rows[0]?.[3]).toMatch(/^ghp_[A-Za-z0-9]{36}$/);
      // One backend: another connection's statement waits until this cursor's exchange ends.
      const counting = two.execute('SELECT count(*) FROM orders').read(10);
      let total = first.rows.length;
      for (;;) {
        const page = await cursor.read(100);
        total += page.rows.length;
        if (page.isDone) break;
      }
      expect(total).toBe(500);
      expect((await counting).rows).toEqual([['3000']]);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('cancels a long statement within seconds by restarting the engine; the console keeps its connection and stays read-only', async () => {
    const target = {
      dialect: 'postgres' as const,
      host: demo.host,
      port: demo.port,
      user: 'postgres',
      password: 'x',
      database: 'postgres',
      tls: { mode: 'disable' as const },
      isReadOnly: true,
      statementTimeoutMs: 0,
    };
    const connection = await openPostgres(target);
    try {
      // The first statement loads the catalog; the sleep then starts at once.
      await connection.execute('SELECT 1').read(10);
      const started = Date.now();
      const sleeping = connection.execute('SELECT pg_sleep(30)').read(10);
      sleeping.catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const cancelling = connection.cancel();
      const error = await sleeping.then(
        () => undefined,
        (e: unknown) => e as SqlError,
      );
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(error?.code).toBe('cancelled');
      expect(error?.message).toMatch(/cancelled.*restarted it/);
      await cancelling;
      // The same connection runs the next statement, and the restart did not drop read-only.
      expect((await connection.execute('SELECT count(*) FROM customers').read(10)).rows).toEqual([['500']]);
      await expect(connection.execute('CREATE TABLE after_cancel (id int)').read(10)).rejects.toMatchObject({ code: 'read_only' });
    } finally {
      await connection.close();
    }
  }, 30_000);

  it('a cancel while the statement still waits on its catalog reads stops it there, without restarting the database', async () => {
    const target = {
      dialect: 'postgres' as const,
      host: demo.host,
      port: demo.port,
      user: 'postgres',
      password: 'x',
      database: 'postgres',
      tls: { mode: 'disable' as const },
      isReadOnly: false,
      statementTimeoutMs: 0,
    };
    const connection = await openPostgres(target);
    try {
      await connection.execute('CREATE TABLE kept_across_cancel (id int)').read(10);
      // A statement naming a table: the console loads the catalog on its connection first.
      const reading = connection.execute('SELECT * FROM customers c JOIN orders o ON o.customer_id = c.id').read(10);
      reading.catch(() => undefined);
      expect(await connection.cancel()).toBe(true);
      await expect(reading).rejects.toMatchObject({ code: 'cancelled' });
      // The table made before is still there: the engine was not restarted to its seed.
      expect((await connection.execute('SELECT count(*) FROM kept_across_cancel').read(10)).rows).toEqual([['0']]);
    } finally {
      await connection.close();
    }
  }, 30_000);

  it('cancels only the statement the cancel names: by CancelRequest (as psql does), never on another process id', async () => {
    const config = { host: demo.host, port: demo.port, user: 'postgres', password: 'x', database: 'postgres' };
    const [sleeper, other] = [new pg.Client(config), new pg.Client(config)];
    await Promise.all([sleeper.connect(), other.connect()]);
    try {
      const { processID, secretKey } = sleeper as unknown as { processID: number; secretKey: number };
      expect(processID).not.toBe((other as unknown as { processID: number }).processID);
      // Another process id: the sleep runs on to its end.
      const short = sleeper.query('SELECT pg_sleep(1.5) AS slept');
      await new Promise((resolve) => setTimeout(resolve, 200));
      await other.query('SELECT pg_cancel_backend($1)', [processID + 1000]).catch(() => undefined);
      expect((await short).rows).toHaveLength(1);
      // Its own key: the sleep ends at once with 57014.
      const long = sleeper.query('SELECT pg_sleep(30)');
      long.catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = Date.now();
      await new Promise<void>((resolve, reject) => {
        const socket = net.connect(demo.port, demo.host, () => {
          const packet = Buffer.alloc(16);
          packet.writeInt32BE(16, 0);
          packet.writeInt32BE(80877102, 4);
          packet.writeInt32BE(processID, 8);
          packet.writeInt32BE(secretKey, 12);
          socket.end(packet);
        });
        socket.on('close', () => resolve());
        socket.on('error', reject);
      });
      await expect(long).rejects.toMatchObject({ code: '57014' });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await Promise.all([sleeper.end(), other.end()]);
    }
  }, 60_000);

  it('makes card numbers that pass the Luhn check', () => {
    let n = 0;
    const card = luhnCard('4111', 16, () => (n = (n * 7 + 3) % 10) / 10);
    const digits = card.split('').map(Number).reverse();
    expect(digits.reduce((sum, d, i) => sum + (i % 2 === 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0) % 10).toBe(0);
  });
});

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { setDb, type DbHandle } from '@/db/client';
import { openTestDb, truncateAll } from '@/test/db-drivers';
import { startTestGateway, type TestGateway } from './gateway';
import { createDatabase } from './postgres';

export type SqlTarget = { host: string; port: number; username: string; password: string; database: string };
type AdminResult = pg.QueryResult<Record<string, number | boolean>>;

/**
 * The frame every SQL console gateway test shares: a test gateway on PGlite (emptied before
 * each test), and a fresh database on the test PostgreSQL with a login role the console signs
 * in as, which may use every table `setup` creates. `admin` runs SQL as the database's owner;
 * sockets passed to `track` are closed after each test, and the gateway is left idle.
 * Call at a test file's top level: it registers the hooks.
 */
export function sqlConsoleSuite(name: string, setup: readonly string[] = []) {
  let adminUrl = '';
  let handle: DbHandle | undefined;
  const sockets: { ws: { close(): void } }[] = [];
  const suite = {
    gateway: undefined as unknown as TestGateway,
    target: undefined as unknown as SqlTarget,
    admin: async (sql: string): Promise<AdminResult> => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        return await client.query(sql);
      } finally {
        await client.end();
      }
    },
    track: <T extends { ws: { close(): void } }>(socket: T): T => {
      sockets.push(socket);
      return socket;
    },
  };

  beforeAll(async () => {
    suite.gateway = await startTestGateway();
    handle = await openTestDb('pglite');
    setDb(handle);
    const url = new URL(await createDatabase(inject('postgresUrl'), `${name}_${randomBytes(5).toString('hex')}`));
    adminUrl = url.toString();
    const password = randomBytes(12).toString('hex');
    const username = `console_${randomBytes(4).toString('hex')}`;
    await suite.admin(`CREATE ROLE ${username} LOGIN PASSWORD '${password}'`);
    await suite.admin(`GRANT ALL ON SCHEMA public TO ${username}`);
    await suite.admin(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO ${username}`);
    for (const statement of setup) await suite.admin(statement);
    suite.target = { host: '127.0.0.1', port: Number(url.port), username, password, database: url.pathname.slice(1) };
  }, 60_000);

  afterAll(async () => {
    await suite.gateway?.close();
    setDb(undefined);
    await handle?.close();
  });

  beforeEach(async () => {
    setDb(handle);
    await truncateAll(handle!.db);
  });

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.ws.close();
    await suite.gateway.idle();
  });

  return suite;
}

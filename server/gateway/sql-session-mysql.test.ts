import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db, setDb, type DbHandle } from '@/db/client';
import { recordingCommands, recordings } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import { decodeSqlEvent, type SqlEvent } from '@/lib/sql/sql-events';
import { env } from '@/server/env';
import { iterateEvents } from '@/server/recording/read-events';
import { createSession } from '@/server/sessions/create-session';
import { decideSqlReview } from '@/server/sql/reviews/decide-sql-review';
import { openTestDb, truncateAll } from '@/test/db-drivers';
import { makeResource, makeUser } from '@/test/factories';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { startMariaDb, type TestMariaDb } from '@/test/harness/mariadb';
import { connectSqlClient, type SqlClient } from '@/test/harness/sql-client';

let gateway: TestGateway;
let handle: DbHandle;
let mariadb: TestMariaDb;
let target: { host: string; port: number; username: string; password: string; database: string };
const clients: SqlClient[] = [];

beforeAll(async () => {
  [gateway, handle, mariadb] = await Promise.all([startTestGateway(), openTestDb('pglite'), startMariaDb()]);
  setDb(handle);
  const username = `console_${randomBytes(3).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  await mariadb.admin(
    [
      'CREATE DATABASE shop',
      'CREATE TABLE shop.customers (id INT PRIMARY KEY, email VARCHAR(200), card_number VARCHAR(40), notes TEXT)',
      "INSERT INTO shop.customers VALUES (1, 'ada@example.com', '4111 1111 1111 1111', 'refund to 5500 0000 0000 0004'), (2, 'bob@example.com', NULL, NULL)",
      'CREATE TABLE shop.t (x INT)',
      `CREATE USER '${username}'@'127.0.0.1' IDENTIFIED BY '${password}'`,
      `GRANT ALL PRIVILEGES ON shop.* TO '${username}'@'127.0.0.1'`,
    ].join('; '),
  );
  target = { host: '127.0.0.1', port: mariadb.port, username, password, database: 'shop' };
}, 90_000);

afterAll(async () => {
  await gateway?.close();
  setDb(undefined);
  await handle?.close();
  await mariadb?.stop();
});

beforeEach(async () => {
  setDb(handle);
  await truncateAll(handle.db);
  await mariadb.admin('DELETE FROM shop.t; INSERT INTO shop.t VALUES (1), (2), (3)');
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.ws.close();
  await gateway.idle();
});

async function openConsole(tags: string[] = []) {
  const resource = await makeResource({ type: 'mysql', name: `my-${randomBytes(4).toString('hex')}`, tags, ...target });
  const { actor } = await makeUser();
  const created = await createSession({ actor, input: { resourceId: resource.id } });
  const client = await connectSqlClient(gateway.localUrl(created.wsUrl), { origin: env().publicUrl });
  clients.push(client);
  const status = await client.waitForMessage('status', (m) => m.state === 'connected');
  return { client, created, status };
}

async function recorded(sessionId: string): Promise<SqlEvent[]> {
  for (let i = 0; i < 200; i++) {
    const [row] = await db().select().from(sessions).where(eq(sessions.id, sessionId));
    if (row?.status === 'ended') break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await gateway.idle();
  const [recording] = await db().select().from(recordings).where(eq(recordings.id, sessionId));
  const events: SqlEvent[] = [];
  for await (const event of iterateEvents(recording!)) {
    const decoded = event.kind === 'm' ? decodeSqlEvent(event.data.toString('utf8')) : undefined;
    if (decoded) events.push(decoded);
  }
  return events;
}

describe('SQL console through the gateway (MariaDB target)', () => {
  it('runs queries, masks columns and values, and records every statement', async () => {
    const { client, created, status } = await openConsole();
    expect(status.info).toMatchObject({ dialect: 'mysql', serverVersion: expect.stringMatching(/^MariaDB 10\./) });
    const run = await client.run('SELECT id, email, card_number, notes FROM customers ORDER BY id; SELECT COUNT(*) AS n FROM t');
    expect(run.status).toBe('ok');
    expect(run.results[0]?.rows).toEqual([
      ['1', '[MASKED]@example.com', '[MASKED]1111', expect.stringMatching(/^refund to \[MASKED:card\]0004$/)],
      ['2', '[MASKED]@example.com', null, null],
    ]);
    expect(run.results[1]?.rows).toEqual([['3']]);
    client.ws.close();
    const events = await recorded(created.id);
    expect(events.filter((e) => e.sql === 'statement')).toHaveLength(2);
    expect(JSON.stringify(events)).not.toMatch(/4111 1111|5500 0000|ada@/);
    const commands = await db().select().from(recordingCommands).where(eq(recordingCommands.recordingId, created.id));
    expect(commands.map((c) => c.text)).toEqual(['SELECT id, email, card_number, notes FROM customers ORDER BY id', 'SELECT COUNT(*) AS n FROM t']);
  });

  it('reports a syntax error with its position without review, and holds valid SQL its parser cannot read', async () => {
    const { client } = await openConsole();
    const script = 'SELECT 1;\nSELECT * FROM t WHERE x = = 1';
    const failed = await client.run(script);
    expect(failed.results.map((r) => r.index)).toEqual([1]);
    expect(failed.results[0]?.error).toMatchObject({ code: 'syntax_error', position: script.indexOf('= 1') });
    const id = client.start('SET SESSION sql_mode = DEFAULT; KILL QUERY 999999');
    const held = await client.waitForMessage('held', (m) => m.id === id);
    expect(held.statements.map((s) => s.action)).toEqual(['allow', 'review']);
  });

  it('cancels a long statement with KILL QUERY', async () => {
    const { client } = await openConsole();
    const id = client.start("SELECT COUNT(*) FROM seq_1_to_1000000000 a WHERE MD5(a.seq) = 'x'");
    await client.waitForMessage('run', (m) => m.id === id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    client.send({ type: 'cancel', id });
    const run = await client.waitForRun(id, 10_000);
    expect(run.status).toBe('cancelled');
  });

  it('is read-only on env=prod resources, and reviews DELETE without WHERE', async () => {
    const prod = await openConsole(['env=prod']);
    expect((await prod.client.run('UPDATE t SET x = 0 WHERE x = 1')).results[0]?.error).toMatchObject({ code: 'read_only' });
    const sneaky = await prod.client.run('SET SESSION TRANSACTION READ WRITE');
    expect(prod.client.messages.find((m) => m.type === 'blocked' && m.id === sneaky.id)).toBeDefined();

    const { client } = await openConsole();
    const approver = await makeUser({ roles: ['approver'] });
    const id = client.start('DELETE FROM t');
    const held = await client.waitForMessage('held', (m) => m.id === id);
    await decideSqlReview({ actor: approver.actor, input: { reviewId: held.reviewId, decision: 'approve' } });
    await client.waitForMessage('finished', (m) => m.id === id);
    expect(client.messages.find((m) => m.type === 'done' && m.id === id)).toMatchObject({ command: 'DELETE', rowCount: 3 });
    expect((await mariadb.admin('SELECT COUNT(*) FROM shop.t')).trim()).toBe('0');
  });
});

import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db, setDb, type DbHandle } from '@/db/client';
import { sqlSettings } from '@/db/sql-schema';
import { DEFAULT_SQL_POLICY } from '@/lib/sql/risk-classes';
import type { SqlEvent } from '@/lib/sql/sql-events';
import { env } from '@/server/env';
import { createSession } from '@/server/sessions/create-session';
import { openTestDb, truncateAll } from '@/test/db-drivers';
import { makeResource, makeUser } from '@/test/factories';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { startMariaDb, type TestMariaDb } from '@/test/harness/mariadb';
import { connectSqlClient, type SqlClient } from '@/test/harness/sql-client';
import { allTexts, sqlSessionTexts, type SqlSessionTexts } from '@/test/harness/sql-recording-texts';

/** The SQL masking corpus (see sql-masking.test.ts) against MariaDB, whose fields name their source themselves. */

const AWS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const GH_TOKEN = `ghp_${'A1b2C3d4E5'.repeat(3)}a1b2c3`;

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
      'CREATE TABLE shop.customers (id INT PRIMARY KEY, email VARCHAR(200), notes TEXT)',
      `INSERT INTO shop.customers VALUES (1, 'ada@example.com', 'vip customer'), (2, 'bob@example.com', 'key ${AWS_KEY} in a note')`,
      'CREATE TABLE shop.orders (id INT PRIMARY KEY, customer_id INT)',
      'INSERT INTO shop.orders VALUES (10, 1), (11, 2)',
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
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.ws.close();
  await gateway.idle();
});

async function openConsole() {
  const resource = await makeResource({ type: 'mysql', name: `my-${randomBytes(4).toString('hex')}`, tags: [], ...target });
  await db().insert(sqlSettings).values({ resourceId: resource.id, policy: DEFAULT_SQL_POLICY, columnMasks: [{ pattern: 'notes', strategy: 'full' }] });
  const { actor } = await makeUser();
  const created = await createSession({ actor, input: { resourceId: resource.id } });
  const client = await connectSqlClient(gateway.localUrl(created.wsUrl), { origin: env().publicUrl });
  clients.push(client);
  await client.waitForMessage('status', (m) => m.state === 'connected');
  return { actor, client, sessionId: created.id };
}

async function closeAndRead(opened: Awaited<ReturnType<typeof openConsole>>): Promise<SqlSessionTexts> {
  opened.client.ws.close();
  return sqlSessionTexts(opened.actor, opened.sessionId);
}

function expectNowhere(texts: SqlSessionTexts, browser: SqlClient, secrets: string[]): void {
  const places: [string, string][] = [...allTexts(texts), ['browser messages', JSON.stringify(browser.messages)]];
  for (const [place, text] of places) for (const secret of secrets) expect({ place, found: text.includes(secret) }).toEqual({ place, found: false });
}

const resultsOf = (events: SqlEvent[]) => events.filter((e): e is Extract<SqlEvent, { sql: 'result' }> => e.sql === 'result');

describe('SQL console masking against an insider (MariaDB)', () => {
  it('masks a secret typed into a statement in the recording, the index, every export and the history', async () => {
    const opened = await openConsole();
    const { client } = opened;
    const run = await client.run(`SELECT '${AWS_KEY}' AS k`);
    expect(run.results[0]?.rows).toEqual([['[MASKED:aws-key]']]);
    expect(client.messages.find((m) => m.type === 'run' && m.id === run.id)).toMatchObject({ script: "SELECT '[MASKED:aws-key]' AS k" });
    const texts = await closeAndRead(opened);
    expect(texts.commands).toEqual(["SELECT '[MASKED:aws-key]' AS k"]);
    expect(texts.events.find((e) => e.sql === 'statement')).toMatchObject({ text: "SELECT '[MASKED:aws-key]' AS k" });
    expectNowhere(texts, client, [AWS_KEY]);
  });

  it('masks what the server quotes back in an error', async () => {
    const opened = await openConsole();
    const { client } = opened;
    const unknown = await client.run(`SELECT ${GH_TOKEN} FROM t`);
    expect(unknown.results[0]?.error?.message).toContain("'[MASKED:github-token]'");
    const value = await client.run(`INSERT INTO t VALUES ('${GH_TOKEN}')`);
    expect(value.results[0]?.error?.message).toContain("'[MASKED:github-token]'");
    const texts = await closeAndRead(opened);
    expect(resultsOf(texts.events).map((r) => r.error?.message)).toEqual([unknown.results[0]?.error?.message, value.results[0]?.error?.message]);
    expectNowhere(texts, client, [GH_TOKEN]);
  });

  it('applies column masks to the source column through aliases, derived tables and joins', async () => {
    const opened = await openConsole();
    const { client } = opened;
    const alias = await client.run('SELECT id, email AS e, notes AS n FROM customers ORDER BY id');
    expect(alias.results[0]?.rows).toEqual([
      ['1', '[MASKED]@example.com', '[MASKED]'],
      ['2', '[MASKED]@example.com', '[MASKED]'],
    ]);
    // MariaDB names a derived table as the source (`s.contact`): not trusted, so flagged computed and
    // checked by the detectors; a derived table named like a real one cannot pass for it either.
    const nested = await client.run('SELECT memo FROM (SELECT notes AS memo FROM customers) s ORDER BY 1');
    expect(nested.results[0]?.columns).toEqual([{ name: 'memo', type: 'text', isComputed: true }]);
    expect(nested.results[0]?.rows).toEqual([['key [MASKED:aws-key] in a note'], ['vip customer']]);
    const disguised = await client.run('SELECT id FROM (SELECT email AS id FROM customers) orders ORDER BY 1');
    expect(disguised.results[0]?.columns).toEqual([{ name: 'id', type: 'varchar', isComputed: true }]);
    const joined = await client.run('SELECT o.id AS order_id, c.email AS who, c.notes AS memo FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.id');
    expect(joined.results[0]?.rows).toEqual([
      ['10', '[MASKED]@example.com', '[MASKED]'],
      ['11', '[MASKED]@example.com', '[MASKED]'],
    ]);
    const texts = await closeAndRead(opened);
    expect(resultsOf(texts.events).map((r) => r.rows)).toEqual([alias.results[0]?.rows, nested.results[0]?.rows, disguised.results[0]?.rows, joined.results[0]?.rows]);
    expectNowhere(texts, client, [AWS_KEY]);
  });

  it('runs the value detectors on computed columns and flags them as having no source', async () => {
    const opened = await openConsole();
    const { client } = opened;
    const run = await client.run('SELECT id, UPPER(notes) AS shout, LOWER(email) AS l FROM customers WHERE id = 2');
    expect(run.results[0]?.columns.map((c) => [c.name, (c as { isComputed?: boolean }).isComputed ?? false])).toEqual([
      ['id', false],
      ['shout', true],
      ['l', true],
    ]);
    expect(run.results[0]?.rows[0]?.[1]).toBe('KEY [MASKED:aws-key] IN A NOTE');
    const texts = await closeAndRead(opened);
    expectNowhere(texts, client, [AWS_KEY]);
  });
});

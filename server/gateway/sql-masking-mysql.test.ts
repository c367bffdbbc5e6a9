import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db, setDb, type DbHandle } from '@/db/client';
import { sqlSettings } from '@/db/sql-schema';
import { DEFAULT_SQL_POLICY } from '@/lib/sql/risk-classes';
import type { SqlColumnView } from '@/lib/protocol/sql-protocol';
import type { SqlEvent } from '@/lib/sql/sql-events';
import { statementResults } from '@/lib/sql/statement-rows';
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
      'CREATE TABLE shop.customers (id INT PRIMARY KEY, email VARCHAR(200), notes TEXT, name VARCHAR(50))',
      `INSERT INTO shop.customers VALUES (1, 'ada@example.com', 'vip customer', 'ada'), (2, 'bob@example.com', 'key ${AWS_KEY} in a note', 'bob')`,
      'CREATE VIEW shop.customer_contacts AS SELECT id, email AS contact, name FROM shop.customers',
      'CREATE VIEW shop.reachable AS SELECT contact AS reach FROM shop.customer_contacts',
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
  await db()
    .insert(sqlSettings)
    .values({ resourceId: resource.id, policy: DEFAULT_SQL_POLICY, columnMasks: [{ pattern: 'notes', strategy: 'full' }] });
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

/** The recorded results with their rows, as the replay and the exports read them. */
const resultsOf = (events: SqlEvent[]) => statementResults(events);

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
    // MariaDB names a derived table as the source (`s.contact`): not trusted, so it counts as computed,
    // and the statement reads a masked column: masked whole. A derived table named like a real one
    // cannot pass for it either.
    const nested = await client.run('SELECT memo FROM (SELECT notes AS memo FROM customers) s ORDER BY 1');
    expect(nested.results[0]?.columns).toEqual([{ name: 'memo', type: 'text', isComputed: true, hasMaskedInput: true }]);
    expect(nested.results[0]?.rows).toEqual([['[MASKED]'], ['[MASKED]']]);
    const disguised = await client.run('SELECT id FROM (SELECT email AS id FROM customers) orders ORDER BY 1');
    expect(disguised.results[0]?.columns).toEqual([{ name: 'id', type: 'varchar', isComputed: true, hasMaskedInput: true }]);
    expect(disguised.results[0]?.rows).toEqual([['[MASKED]'], ['[MASKED]']]);
    const joined = await client.run(
      'SELECT o.id AS order_id, c.email AS who, c.notes AS memo FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.id',
    );
    expect(joined.results[0]?.rows).toEqual([
      ['10', '[MASKED]@example.com', '[MASKED]'],
      ['11', '[MASKED]@example.com', '[MASKED]'],
    ]);
    const texts = await closeAndRead(opened);
    expect(resultsOf(texts.events).map((r) => r.rows)).toEqual([
      alias.results[0]?.rows,
      nested.results[0]?.rows,
      disguised.results[0]?.rows,
      joined.results[0]?.rows,
    ]);
    expectNowhere(texts, client, [AWS_KEY]);
  });

  it('keeps computed columns that read no masked column, and runs the value detectors on them', async () => {
    const opened = await openConsole();
    const { client } = opened;
    // The key is built by the statement, so it is not in its text: only the value detector can see it.
    const run = await client.run("SELECT id, UPPER(name) AS shout, 1 + 1 AS two, CONCAT('AKIA', 'IOSFODNN7EXAMPLE') AS k FROM customers ORDER BY id");
    expect(run.results[0]?.columns.map((c: SqlColumnView) => [c.name, c.isComputed ?? false, c.hasMaskedInput ?? false])).toEqual([
      ['id', false, false],
      ['shout', true, false],
      ['two', true, false],
      ['k', true, false],
    ]);
    expect(run.results[0]?.rows).toEqual([
      ['1', 'ADA', '2', '[MASKED:aws-key]'],
      ['2', 'BOB', '2', '[MASKED:aws-key]'],
    ]);
    const texts = await closeAndRead(opened);
    expect(resultsOf(texts.events).map((r) => r.rows)).toEqual([run.results[0]?.rows]);
    expectNowhere(texts, client, [AWS_KEY]);
  });

  it('masks whole a field with no source column when the statement reads a masked column', async () => {
    const opened = await openConsole();
    const { client } = opened;
    const statements = [
      'SELECT id, LOWER(email) AS l FROM customers ORDER BY id',
      "SELECT id, CONCAT(email, '') AS l FROM customers ORDER BY id",
      'SELECT id, SUBSTR(email, 1, 40) AS l FROM customers ORDER BY id',
      'SELECT id, UPPER(notes) AS l FROM customers ORDER BY id',
      'WITH s AS (SELECT id, email AS x FROM customers) SELECT id, x AS l FROM s ORDER BY id',
      'SELECT c.id, LOWER(c.email) AS l FROM customers c ORDER BY c.id',
      'SELECT id, LOWER(contact) AS l FROM customer_contacts ORDER BY id',
    ];
    for (const statement of statements) {
      const run = await client.run(statement);
      const [result] = run.results;
      const column: SqlColumnView | undefined = result?.columns[1];
      expect({ statement, l: column?.hasMaskedInput }).toEqual({ statement, l: true });
      expect({ statement, rows: result?.rows.map((row) => row[1]) }).toEqual({ statement, rows: ['[MASKED]', '[MASKED]'] });
    }
    // A view renaming the column (MariaDB names the view's own column as the source), two views deep.
    const view = await client.run('SELECT contact FROM customer_contacts ORDER BY 1');
    expect(view.results[0]?.rows).toEqual([['[MASKED]'], ['[MASKED]']]);
    const deeper = await client.run('SELECT r.reach FROM reachable r ORDER BY 1');
    expect(deeper.results[0]?.columns).toEqual([{ name: 'reach', type: 'varchar', isComputed: true, hasMaskedInput: true }]);
    expect(deeper.results[0]?.rows).toEqual([['[MASKED]'], ['[MASKED]']]);
    // COUNT is always the built-in on MySQL: a count cannot show a value, so it stays visible.
    const counted = await client.run('SELECT COUNT(email) AS n, COUNT(DISTINCT email) AS d FROM customers');
    expect(counted.results[0]?.rows).toEqual([['2', '2']]);
    expect(counted.results[0]?.columns.map((c: SqlColumnView) => c.hasMaskedInput ?? false)).toEqual([false, false]);

    const texts = await closeAndRead(opened);
    const recorded = resultsOf(texts.events);
    expect(recorded).toHaveLength(statements.length + 3);
    for (const result of recorded.slice(0, statements.length)) expect(result.columns[1]).toMatchObject({ hasMaskedInput: true });
    expect(recorded.slice(statements.length).map((r) => r.rows)).toEqual([view.results[0]?.rows, deeper.results[0]?.rows, counted.results[0]?.rows]);
    expectNowhere(texts, client, ['ada@', 'bob@', 'vip customer', AWS_KEY]);
  });
});

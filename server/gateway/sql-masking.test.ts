import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { sqlSettings, type ColumnMaskRule } from '@/db/sql-schema';
import { DEFAULT_SQL_POLICY } from '@/lib/sql/risk-classes';
import type { SqlEvent } from '@/lib/sql/sql-events';
import { statementResults } from '@/lib/sql/statement-rows';
import { env } from '@/server/env';
import { createSession } from '@/server/sessions/create-session';
import { makeResource, makeUser, postgresResource } from '@/test/factories';
import { connectSqlClient, type SqlClient } from '@/test/harness/sql-client';
import { sqlConsoleSuite } from '@/test/harness/sql-console-suite';
import { allTexts, sqlSessionTexts, type SqlSessionTexts } from '@/test/harness/sql-recording-texts';

/**
 * Regression corpus of the SQL path against an insider: a secret typed into a statement, quoted
 * back by an error or a notice, or read through an alias or an expression must not reach the
 * recording, the command index, any export, a review, or the console's history in clear.
 */

const AWS_KEY = 'AKIAIOSFODNN7EXAMPLE';
/** AWS's documented example secret key: masked by name (`aws_secret_access_key=`), not alone. */
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const GH_TOKEN = `ghp_${'A1b2C3d4E5'.repeat(3)}a1b2c3`;
const NOTE_RULE: ColumnMaskRule = { pattern: 'note', strategy: 'full' };

const suite = sqlConsoleSuite('sqlmask', [
  'CREATE TABLE customers (id int PRIMARY KEY, email text, note text, name text)',
  'CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers (id))',
  `INSERT INTO customers VALUES (1, 'ada@example.com', 'vip customer', 'ada'), (2, 'bob@example.com', 'key ${AWS_KEY} in a note', 'bob')`,
  // Views hide a masked column under another name, two levels deep.
  'CREATE VIEW customer_contacts AS SELECT id, email AS contact, name FROM customers',
  'CREATE VIEW reachable AS SELECT contact AS reach FROM customer_contacts',
  'CREATE VIEW customer_names AS SELECT id, upper(name) AS shout FROM customers',
  'INSERT INTO orders VALUES (10, 1), (11, 2)',
]);

async function openConsole() {
  const resource = await makeResource(postgresResource({ ...suite.target }));
  await db()
    .insert(sqlSettings)
    .values({ resourceId: resource.id, policy: { ...DEFAULT_SQL_POLICY, opaque: 'allow' }, columnMasks: [NOTE_RULE] });
  const { actor } = await makeUser();
  const created = await createSession({ actor, input: { resourceId: resource.id } });
  const client = await connectSqlClient(suite.gateway.localUrl(created.wsUrl), { origin: env().publicUrl });
  suite.track(client);
  await client.waitForMessage('status', (m) => m.state === 'connected');
  return { actor, client, sessionId: created.id };
}

/** Closes the console and reads back everything it left. */
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

describe('SQL console masking against an insider (PostgreSQL)', () => {
  it('masks a secret typed into a statement in the recording, the index, every export and the history', async () => {
    const opened = await openConsole();
    const { client } = opened;
    const editor = `-- scratch: ${GH_TOKEN}\nselect '${AWS_KEY}' as k`;
    const run = await client.run(`select '${AWS_KEY}' as k`, { editor });
    expect(run.status).toBe('ok');
    expect(run.results[0]?.rows).toEqual([['[MASKED:aws-key]']]);
    // What the console's history and result tabs get back.
    const started = client.messages.find((m) => m.type === 'run' && m.id === run.id);
    expect(started).toMatchObject({ script: "select '[MASKED:aws-key]' as k", statements: [{ text: "select '[MASKED:aws-key]' as k", start: 0 }] });

    const texts = await closeAndRead(opened);
    expect(texts.commands).toEqual(["select '[MASKED:aws-key]' as k"]);
    expect(texts.events.find((e) => e.sql === 'run')).toMatchObject({
      script: "select '[MASKED:aws-key]' as k",
      editor: "-- scratch: [MASKED:github-token]\nselect '[MASKED:aws-key]' as k",
    });
    expect(texts.events.find((e) => e.sql === 'statement')).toMatchObject({ text: "select '[MASKED:aws-key]' as k" });
    expect(texts.sql).toContain("select '[MASKED:aws-key]' as k;");
    expectNowhere(texts, client, [AWS_KEY, GH_TOKEN]);
  });

  it('masks a secret seen once in the session wherever it shows again, bare: in a later statement, its result and an error', async () => {
    const opened = await openConsole();
    const { client } = opened;
    const first = await client.run(`select 'aws_secret_access_key=${AWS_SECRET}' as line`);
    expect(first.status).toBe('ok');
    const started = client.messages.find((m) => m.type === 'run' && m.id === first.id);
    expect(started).toMatchObject({ script: "select 'aws_secret_access_key=[MASKED:aws-secret]' as line" });
    // The key alone: no rule recognises it without its name.
    const bare = await client.run(`select '${AWS_SECRET}' as k, length('${AWS_SECRET}') as n`);
    expect(bare.results[0]?.rows).toEqual([['[MASKED:aws-secret]', '40']]);
    const failed = await client.run(`select '${AWS_SECRET}'::int`);
    expect(failed.status).toBe('error');

    const texts = await closeAndRead(opened);
    expect(texts.commands).toContain("select '[MASKED:aws-secret]' as k, length('[MASKED:aws-secret]') as n");
    expectNowhere(texts, client, [AWS_SECRET]);
  });

  it('masks a secret used as a column name (an alias) in the grid, the recording and every export', async () => {
    const opened = await openConsole();
    const { client } = opened;
    const run = await client.run(`select 1 as "${AWS_KEY}", email as "${GH_TOKEN}" from customers where id = 1`);
    expect(run.status).toBe('ok');
    const columns = client.messages.find((m) => m.type === 'columns' && m.id === run.id);
    expect(columns).toMatchObject({ columns: [{ name: '[MASKED:aws-key]' }, { name: '[MASKED:github-token]' }] });

    const texts = await closeAndRead(opened);
    expect(resultsOf(texts.events)[0]?.columns.map((c) => c.name)).toEqual(['[MASKED:aws-key]', '[MASKED:github-token]']);
    expectNowhere(texts, client, [AWS_KEY, GH_TOKEN]);
  });

  it('masks what the server quotes back in an error', async () => {
    const opened = await openConsole();
    const { client } = opened;
    const run = await client.run(`select '${GH_TOKEN}'::int`);
    expect(run.status).toBe('error');
    expect(run.results[0]?.error?.message).toBe('invalid input syntax for type integer: "[MASKED:github-token]"');
    // The value reaches the error from a table too, never typed by the engineer.
    const fromTable = await client.run('select note::int from customers where id = 2');
    expect(fromTable.results[0]?.error?.message).toBe('invalid input syntax for type integer: "key [MASKED:aws-key] in a note"');

    const texts = await closeAndRead(opened);
    expect(resultsOf(texts.events).map((r) => r.error?.message)).toEqual([
      'invalid input syntax for type integer: "[MASKED:github-token]"',
      'invalid input syntax for type integer: "key [MASKED:aws-key] in a note"',
    ]);
    expect(texts.sql).toContain('-- ERROR (query_failed): invalid input syntax for type integer: "[MASKED:github-token]"');
    expectNowhere(texts, client, [AWS_KEY, GH_TOKEN]);
  });

  it('masks notices (RAISE NOTICE) before they are shown or recorded', async () => {
    const opened = await openConsole();
    const { client } = opened;
    const typed = await client.run(`do $$ begin raise notice 'key %', '${AWS_KEY}'; end $$`);
    expect(typed.status).toBe('ok');
    const read = await client.run("do $$ begin raise notice 'note %', (select note from customers where id = 2); end $$");
    expect(read.status).toBe('ok');
    const notices = client.messages.filter((m) => m.type === 'notice');
    expect(notices).toEqual([
      { type: 'notice', id: typed.id, index: 0, message: 'NOTICE: key [MASKED:aws-key]' },
      { type: 'notice', id: read.id, index: 0, message: 'NOTICE: note key [MASKED:aws-key] in a note' },
    ]);

    const texts = await closeAndRead(opened);
    expect(texts.events.filter((e) => e.sql === 'notice').map((e) => (e as { message: string }).message)).toEqual([
      'NOTICE: key [MASKED:aws-key]',
      'NOTICE: note key [MASKED:aws-key] in a note',
    ]);
    expect(texts.sql).toContain('-- NOTICE: note key [MASKED:aws-key] in a note');
    expectNowhere(texts, client, [AWS_KEY]);
  });

  it('applies column masks to the source column through aliases, subqueries and joins', async () => {
    const opened = await openConsole();
    const { client } = opened;
    const alias = await client.run('select id, email as e, note as n from customers order by id');
    expect(alias.results[0]?.rows).toEqual([
      ['1', '[MASKED]@example.com', '[MASKED]'],
      ['2', '[MASKED]@example.com', '[MASKED]'],
    ]);
    expect(alias.results[0]?.columns).toEqual([
      { name: 'id', type: 'int4' },
      { name: 'e', type: 'text' },
      { name: 'n', type: 'text' },
    ]);
    const nested = await client.run('select contact from (select email as contact from customers) s order by 1');
    expect(nested.results[0]?.rows).toEqual([['[MASKED]@example.com'], ['[MASKED]@example.com']]);
    const joined = await client.run(
      'select o.id as order_id, c.email as who, c.note as memo from orders o join customers c on c.id = o.customer_id order by o.id',
    );
    expect(joined.results[0]?.rows).toEqual([
      ['10', '[MASKED]@example.com', '[MASKED]'],
      ['11', '[MASKED]@example.com', '[MASKED]'],
    ]);

    const texts = await closeAndRead(opened);
    expect(resultsOf(texts.events).map((r) => r.rows)).toEqual([alias.results[0]?.rows, nested.results[0]?.rows, joined.results[0]?.rows]);
    expectNowhere(texts, client, ['ada@', 'bob@', 'vip customer', AWS_KEY]);
  });

  it('keeps computed columns that read no masked column, and runs the value detectors on them', async () => {
    const opened = await openConsole();
    const { client } = opened;
    // The key is built by the statement, so it is not in its text: only the value detector can see it.
    const run = await client.run("select id, upper(name) as shout, 1 + 1 as two, 'AKIA' || 'IOSFODNN7EXAMPLE' as k from customers order by id");
    const [result] = run.results;
    expect(result?.columns).toEqual([
      { name: 'id', type: 'int4' },
      { name: 'shout', type: 'text', isComputed: true },
      { name: 'two', type: 'int4', isComputed: true },
      { name: 'k', type: 'text', isComputed: true },
    ]);
    expect(result?.rows).toEqual([
      ['1', 'ADA', '2', '[MASKED:aws-key]'],
      ['2', 'BOB', '2', '[MASKED:aws-key]'],
    ]);
    const view = await client.run('select id, shout from customer_names order by id');
    expect(view.results[0]?.rows).toEqual([
      ['1', 'ADA'],
      ['2', 'BOB'],
    ]);

    const texts = await closeAndRead(opened);
    expect(resultsOf(texts.events).map((r) => r.rows)).toEqual([result?.rows, view.results[0]?.rows]);
    expect(resultsOf(texts.events)[0]?.columns.map((c) => c.isComputed ?? false)).toEqual([false, true, true, true]);
    expectNowhere(texts, client, [AWS_KEY]);
  });

  it('masks whole a field with no source column when the statement or its view reads a masked column', async () => {
    const opened = await openConsole();
    const { client } = opened;
    const statements = [
      'select id, lower(email) as l from customers order by id',
      "select id, email || '' as l from customers order by id",
      "select id, concat(email, '') as l from customers order by id",
      'select id, substr(email, 1, 40) as l from customers order by id',
      'select id, upper(note) as l from customers order by id',
      'with s as (select id, email as x from customers) select id, lower(x) as l from s order by id',
      'select id, lower(contact) as l from customer_contacts order by id',
      // Columns renamed by the alias's column list: the statement names none it reads.
      "select t.i as id, t.e || '' as l from customers as t(i, e) order by 1",
      // A bare count may be a user's own aggregate on PostgreSQL: masked; pg_catalog.count is not.
      'select 1 as id, count(email) as l from customers',
    ];
    const computed = { name: 'l', type: 'text', isComputed: true, hasMaskedInput: true };
    for (const statement of statements) {
      const run = await client.run(statement);
      const [result] = run.results;
      expect({ statement, l: result?.columns[1] }).toEqual({ statement, l: { ...computed, type: result?.columns[1]?.type } });
      expect({ statement, rows: result?.rows.map((row) => row[1]) }).toEqual({ statement, rows: result?.rows.map(() => '[MASKED]') });
    }
    // A view renaming the column (two views deep): every field of a view that reads a masked column.
    const view = await client.run('select reach from reachable order by 1');
    expect(view.results[0]?.columns).toEqual([{ name: 'reach', type: 'text', isComputed: true, hasMaskedInput: true }]);
    expect(view.results[0]?.rows).toEqual([['[MASKED]'], ['[MASKED]']]);
    const renamed = await client.run('select id, contact from customer_contacts order by id');
    expect(renamed.results[0]?.rows).toEqual([
      ['[MASKED]', '[MASKED]'],
      ['[MASKED]', '[MASKED]'],
    ]);
    // PostgreSQL follows a derived table to its source column: masked by the e-mail rule.
    const derived = await client.run('select id from (select email as id from customers) orders order by 1');
    expect(derived.results[0]?.rows).toEqual([['[MASKED]@example.com'], ['[MASKED]@example.com']]);
    const counted = await client.run('select pg_catalog.count(distinct email) as n, 1 + 1 as two from customers');
    expect(counted.results[0]?.rows).toEqual([['2', '2']]);

    const texts = await closeAndRead(opened);
    const recorded = resultsOf(texts.events);
    expect(recorded).toHaveLength(statements.length + 4);
    for (const result of recorded.slice(0, statements.length)) expect(result.columns[1]).toMatchObject({ hasMaskedInput: true });
    expect(recorded.slice(statements.length).map((r) => r.rows)).toEqual([
      view.results[0]?.rows,
      renamed.results[0]?.rows,
      derived.results[0]?.rows,
      counted.results[0]?.rows,
    ]);
    expect(texts.sql).toContain('[MASKED]');
    expectNowhere(texts, client, ['ada@', 'bob@', 'vip customer', AWS_KEY]);
  });

  it('stores a held statement masked in its review', async () => {
    const opened = await openConsole();
    const { client } = opened;
    const id = client.start(`update customers set note = '${AWS_KEY}'`);
    const held = await client.waitForMessage('held', (m) => m.id === id);
    expect(held.script).toBe("update customers set note = '[MASKED:aws-key]'");
    const texts = await closeAndRead(opened);
    expect(texts.reviews).toContain("update customers set note = '[MASKED:aws-key]'");
    expectNowhere(texts, client, [AWS_KEY]);
  });
});

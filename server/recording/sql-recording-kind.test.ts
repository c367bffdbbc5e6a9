import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { setDb, type DbHandle } from '@/db/client';
import type { CreateResourceInput } from '@/server/resources/resource-schemas';
import { env } from '@/server/env';
import { exportRecording } from '@/server/recording/export-recording';
import { getEvents } from '@/server/recording/get-events';
import { getRecording } from '@/server/recording/get-recording';
import { drainIndexing } from '@/server/recording/index-queue';
import { listRecordings } from '@/server/recording/list-recordings';
import { backfillSearch } from '@/server/search/backfill-search';
import { searchRecordings } from '@/server/search/search-recordings';
import { createSession } from '@/server/sessions/create-session';
import { decideSqlReview } from '@/server/sql/reviews/decide-sql-review';
import { openTestDb, truncateAll } from '@/test/db-drivers';
import { makeResource, makeUser } from '@/test/factories';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { startMariaDb, type TestMariaDb } from '@/test/harness/mariadb';
import { createDatabase } from '@/test/harness/postgres';
import { connectSqlClient, type SqlClient } from '@/test/harness/sql-client';
import { sqlSessionTexts } from '@/test/harness/sql-recording-texts';

/**
 * SQL recordings described as what they are: the list and the replay header count statements,
 * rows and errors; the exports are a .sql script, JSON and CSV (held, approved and denied
 * statements included, every planted secret masked); terminal formats are refused.
 */
const SECRET = 'AKIAIOSFODNN7EXAMPLE';

let gateway: TestGateway;
let handle: DbHandle;
let mariadb: TestMariaDb;
const targets: Record<'postgres' | 'mysql', CreateResourceInput> = {} as never;
const clients: SqlClient[] = [];

async function pgAdmin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  [gateway, handle, mariadb] = await Promise.all([startTestGateway(), openTestDb('pglite'), startMariaDb()]);
  setDb(handle);
  const username = `kind_${randomBytes(3).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  const url = new URL(await createDatabase(inject('postgresUrl'), `sqlkind_${randomBytes(5).toString('hex')}`));
  for (const sql of [`CREATE ROLE ${username} LOGIN PASSWORD '${password}'`, `CREATE TABLE t (id int PRIMARY KEY, note text)`, `GRANT ALL ON t TO ${username}`])
    await pgAdmin(url.toString(), sql);
  targets.postgres = {
    type: 'postgres',
    name: `pg-${randomBytes(3).toString('hex')}`,
    host: '127.0.0.1',
    port: Number(url.port),
    username,
    password,
    database: url.pathname.slice(1),
  };
  await mariadb.admin(
    [
      'CREATE DATABASE kind',
      'CREATE TABLE kind.t (id INT PRIMARY KEY, note TEXT)',
      `CREATE USER '${username}'@'127.0.0.1' IDENTIFIED BY '${password}'`,
      `GRANT ALL PRIVILEGES ON kind.* TO '${username}'@'127.0.0.1'`,
    ].join('; '),
  );
  targets.mysql = { type: 'mysql', name: `my-${randomBytes(3).toString('hex')}`, host: '127.0.0.1', port: mariadb.port, username, password, database: 'kind' };
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

/** A session with a normal statement, an error, a held-then-approved and a held-then-denied statement. */
async function recordSession(type: 'postgres' | 'mysql') {
  const resource = await makeResource(targets[type]);
  const { user, actor } = await makeUser();
  const approver = await makeUser({ roles: ['approver'], name: 'Ana Approver' });
  const created = await createSession({ actor, input: { resourceId: resource.id } });
  const client = await connectSqlClient(gateway.localUrl(created.wsUrl), { origin: env().publicUrl });
  clients.push(client);
  await client.waitForMessage('status', (m) => m.state === 'connected');

  expect((await client.run(`INSERT INTO t VALUES (1, 'key ${SECRET} here'), (2, 'plain')`)).status).toBe('ok');
  expect((await client.run('SELECT id, note FROM t ORDER BY id')).status).toBe('ok');
  expect((await client.run('SELECT * FROM no_such_table')).status).toBe('error');
  const approved = client.start('DELETE FROM t');
  const held = await client.waitForMessage('held', (m) => m.id === approved);
  await decideSqlReview({ actor: approver.actor, input: { reviewId: held.reviewId, decision: 'approve', comment: 'Go ahead' } });
  await client.waitForMessage('finished', (m) => m.id === approved);
  const denied = client.start('UPDATE t SET note = NULL');
  const heldAgain = await client.waitForMessage('held', (m) => m.id === denied);
  await decideSqlReview({ actor: approver.actor, input: { reviewId: heldAgain.reviewId, decision: 'deny', comment: 'Not today' } });
  await client.waitForMessage('review', (m) => m.reviewId === heldAgain.reviewId);
  client.ws.close();
  const texts = await sqlSessionTexts(actor, created.id);
  return { user, actor, sessionId: created.id, texts };
}

describe.each(['postgres', 'mysql'] as const)('SQL recordings know their kind (%s target)', (type) => {
  it('lists and heads them with statements, rows and errors; exports .sql, JSON and CSV, masked; refuses terminal formats', async () => {
    const { actor, sessionId, texts } = await recordSession(type);

    // 4 statements ran (INSERT 2 rows, SELECT 2 rows, the error, DELETE 2 rows); the denied one did not.
    const figures = { statements: 4, rows: 6, errors: 1 };
    const page = await listRecordings({ actor });
    expect(page.recordings).toMatchObject([{ id: sessionId, kind: 'sql', sql: figures }]);
    expect(await getRecording({ actor, recordingId: sessionId })).toMatchObject({ kind: 'sql', sql: figures });

    const ran = texts.sql.split('\n').filter((line) => line !== '' && !line.startsWith('--'));
    expect(ran).toEqual([
      `INSERT INTO t VALUES (1, 'key [MASKED:aws-key] here'), (2, 'plain');`,
      'SELECT id, note FROM t ORDER BY id;',
      'SELECT * FROM no_such_table;',
      'DELETE FROM t;',
    ]);
    expect(texts.sql).toMatch(/-- #2 · \d{4}-\d\d-\d\d [\d:.]+ UTC \(\+[\d.]+ s\) · \d+ ms · 2 rows\nSELECT id, note FROM t ORDER BY id;/);
    expect(texts.sql).toMatch(/-- #3 · .* · failed\nSELECT \* FROM no_such_table;\n-- ERROR \(\w+\): .*no_such_table/);
    expect(texts.sql).toMatch(
      /Held for review: .*\n-- {3}DELETE FROM t\n\n-- .* · Approved \(it runs below\) by Ana Approver: Go ahead\n\n-- #4 .* · DELETE 2\nDELETE FROM t;/,
    );
    expect(texts.sql).toMatch(/Held for review: .*\n-- {3}UPDATE t SET note = NULL\n\n-- .* · Denied \(it did not run\) by Ana Approver: Not today\n/);

    const json = JSON.parse(texts.json) as {
      format: string;
      recording: { sql: unknown };
      runs: { script: string; review: { status: string } | null; statements: unknown[] }[];
    };
    expect(json.format).toBe('porthole-sql-recording');
    expect(json.recording.sql).toEqual(figures);
    expect(json.runs.map((r) => [r.script, r.review?.status ?? null, r.statements.length])).toEqual([
      [`INSERT INTO t VALUES (1, 'key [MASKED:aws-key] here'), (2, 'plain')`, null, 1],
      ['SELECT id, note FROM t ORDER BY id', null, 1],
      ['SELECT * FROM no_such_table', null, 1],
      ['DELETE FROM t', 'approved', 1],
      ['UPDATE t SET note = NULL', 'denied', 0],
    ]);

    expect(texts.csv).toBe(
      'statement,query,id,note\r\n2,"SELECT id, note FROM t ORDER BY id",1,key [MASKED:aws-key] here\r\n2,"SELECT id, note FROM t ORDER BY id",2,plain\r\n',
    );
    const one = await new Response((await exportRecording({ actor, recordingId: sessionId, format: 'csv', statement: 2 })).body).text();
    expect(one).toBe('id,note\r\n1,key [MASKED:aws-key] here\r\n2,plain\r\n');

    for (const [name, text] of [
      ['sql', texts.sql],
      ['json', texts.json],
      ['csv', texts.csv],
    ])
      expect(text, name).not.toContain(SECRET);

    for (const format of ['asciicast', 'text'] as const) {
      await expect(exportRecording({ actor, recordingId: sessionId, format })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        status: 400,
        userMessage: expect.stringContaining('SQL console session: it exports as sql, json, csv'),
      });
    }
    await expect(exportRecording({ actor, recordingId: sessionId, format: 'csv', statement: 3 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  }, 60_000);

  it('makes its statements and errors searchable once the session ends', async () => {
    const { actor, sessionId } = await recordSession(type);
    await drainIndexing();
    const found = await searchRecordings({ actor, query: { q: 'no_such_table', kind: 'sql' } });
    expect(found.recordings.map((hit) => hit.recordingId)).toEqual([sessionId]);
  }, 60_000);

  // The index job (run when a session ends, when a replay finds no screen masks, and for the
  // search backfill at start-up) once replaced a console's statement index with the terminal's,
  // which finds none: opening the replay or restarting Porthole wiped every SQL recording's.
  it('keeps the statement index through replay and re-indexing, and its statements are searchable', async () => {
    const { actor, sessionId } = await recordSession(type);
    const figures = { statements: 4, rows: 6, errors: 1 };

    await getEvents({ actor, recordingId: sessionId, query: {} });
    await drainIndexing();
    // As at start-up: recordings without search entries (or in an older layout) are indexed again.
    await backfillSearch();
    await drainIndexing();

    expect((await listRecordings({ actor })).recordings).toMatchObject([{ id: sessionId, sql: figures }]);
    const recording = await getRecording({ actor, recordingId: sessionId });
    expect(recording).toMatchObject({ sql: figures, commandCount: 4 });
    expect(recording.commands.map((command) => command.text)).toEqual([
      `INSERT INTO t VALUES (1, 'key [MASKED:aws-key] here'), (2, 'plain')`,
      'SELECT id, note FROM t ORDER BY id',
      'SELECT * FROM no_such_table',
      'DELETE FROM t',
    ]);
    expect(recording.heatmap.some((bucket) => bucket > 0)).toBe(true);
    const found = await searchRecordings({ actor, query: { q: 'no_such_table', kind: 'sql' } });
    expect(found.total).toBe(1);
  }, 60_000);
});

import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { resourceMasking } from '@/db/masking-schema';
import { recordingCommands, recordings } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import { sqlReviews, sqlSettings } from '@/db/sql-schema';
import { DEFAULT_SQL_POLICY } from '@/lib/sql/risk-classes';
import { decodeSqlEvent, type SqlEvent } from '@/lib/sql/sql-events';
import { statementResults } from '@/lib/sql/statement-rows';
import { env } from '@/server/env';
import { iterateEvents } from '@/server/recording/read-events';
import { approveRequest } from '@/server/access/approve-request';
import { createRequest } from '@/server/access/create-request';
import { createSession } from '@/server/sessions/create-session';
import { decideSqlReview } from '@/server/sql/reviews/decide-sql-review';
import { listPendingSqlReviews } from '@/server/sql/reviews/list-sql-reviews';
import { makeResource, makeUser, postgresResource } from '@/test/factories';
import { connectSqlClient } from '@/test/harness/sql-client';
import { sqlConsoleSuite } from '@/test/harness/sql-console-suite';

const suite = sqlConsoleSuite('sqlgw', [
  `CREATE TABLE customers (id int PRIMARY KEY, email text, card_number text, note text)`,
  `INSERT INTO customers VALUES (1, 'ada@example.com', '4111 1111 1111 1111', 'paid with 5500 0000 0000 0004'), (2, 'bob@example.com', '4012888888881881', 'key AKIAIOSFODNN7EXAMPLE in a note'), (3, 'cy@example.com', NULL, NULL)`,
]);
const { admin } = suite;

beforeEach(async () => {
  await admin('DROP TABLE IF EXISTS t');
  await admin('CREATE TABLE t (x int)');
  await admin('INSERT INTO t SELECT generate_series(1, 5)');
});

async function openConsole(options: { tags?: string[]; settings?: Partial<typeof sqlSettings.$inferInsert> } = {}) {
  const resource = await makeResource(postgresResource({ ...suite.target, tags: options.tags ?? [] }));
  if (options.settings)
    await db()
      .insert(sqlSettings)
      .values({ resourceId: resource.id, policy: DEFAULT_SQL_POLICY, ...options.settings });
  const { user, actor } = await makeUser();
  const created = await createSession({ actor, input: { resourceId: resource.id } });
  const client = await connectSqlClient(suite.gateway.localUrl(created.wsUrl), { origin: env().publicUrl });
  suite.track(client);
  const status = await client.waitForMessage('status', (m) => m.state === 'connected');
  return { resource, user, actor, created, client, status };
}

async function recordedSqlEvents(sessionId: string): Promise<SqlEvent[]> {
  const [recording] = await db().select().from(recordings).where(eq(recordings.id, sessionId));
  if (!recording) throw new Error('no recording');
  const events: SqlEvent[] = [];
  for await (const event of iterateEvents(recording)) {
    if (event.kind !== 'm') continue;
    const decoded = decodeSqlEvent(event.data.toString('utf8'));
    if (decoded) events.push(decoded);
  }
  return events;
}

async function endedSession(id: string) {
  for (let i = 0; i < 200; i++) {
    const [row] = await db().select().from(sessions).where(eq(sessions.id, id));
    if (row?.status === 'ended') return row;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the session never ended');
}

describe('SQL console through the gateway (PostgreSQL target)', () => {
  it('runs a query, masks columns and values, and records every statement', async () => {
    const { client, created, status } = await openConsole();
    expect(status.info).toMatchObject({ dialect: 'postgres', isReadOnly: false, rowCap: 10_000, database: suite.target.database });
    const run = await client.run('SELECT id, email, card_number, note FROM customers ORDER BY id', {
      editor: '-- mine\nSELECT id, email, card_number, note FROM customers ORDER BY id',
    });
    expect(run.status).toBe('ok');
    const [result] = run.results;
    expect(result?.columns.map((c) => c.name)).toEqual(['id', 'email', 'card_number', 'note']);
    expect(result?.rows[0]).toEqual(['1', '[MASKED]@example.com', '[MASKED]1111', expect.stringMatching(/^paid with \[MASKED:[^\]]+\]/)]);
    expect(result?.rows[1]?.[3]).toMatch(/^key \[MASKED:[^\]]+\] in a note$/);
    expect(result?.rows[2]).toEqual(['3', '[MASKED]@example.com', null, null]);
    expect(JSON.stringify(run.results)).not.toMatch(/4111 1111|AKIAIOSFODNN7EXAMPLE|ada@/);
    expect(result?.masked).toEqual(
      expect.arrayContaining([
        [0, 1],
        [0, 2],
        [0, 3],
        [1, 3],
      ]),
    );
    expect(result?.done).toMatchObject({ command: 'SELECT', rowCount: 3, isTruncated: false });

    client.ws.close();
    await endedSession(created.id);
    await suite.gateway.idle();
    const events = await recordedSqlEvents(created.id);
    // The page is recorded before it is sent and keeps the rows; the result keeps the figures.
    expect(events.map((e) => e.sql)).toEqual(['run', 'statement', 'page', 'result', 'finished']);
    expect(events[0]).toMatchObject({ sql: 'run', editor: '-- mine\nSELECT id, email, card_number, note FROM customers ORDER BY id' });
    const page = events[2] as Extract<SqlEvent, { sql: 'page' }>;
    expect(page).toMatchObject({ count: 3, columns: [{ name: 'id' }, { name: 'email' }, { name: 'card_number' }, { name: 'note' }] });
    expect(page.rows[0]?.[2]).toBe('[MASKED]1111');
    expect(events[3]).toMatchObject({ sql: 'result', command: 'SELECT', rowCount: 3, rows: [], masked: [] });
    const [recorded] = statementResults(events);
    expect(recorded?.rows).toEqual(page.rows);
    expect(recorded?.rows[0]?.[2]).toBe('[MASKED]1111');
    expect(JSON.stringify(events)).not.toMatch(/4111 1111|AKIAIOSFODNN7EXAMPLE|ada@/);
    const [row] = await db().select().from(recordings).where(eq(recordings.id, created.id));
    expect(row).toMatchObject({ status: 'complete', indexState: 'ready', commandCount: 1 });
    const commands = await db().select().from(recordingCommands).where(eq(recordingCommands.recordingId, created.id));
    expect(commands).toMatchObject([{ seq: 0, text: 'SELECT id, email, card_number, note FROM customers ORDER BY id', exitCode: 0 }]);
  });

  it('shows clear values but records masked ones on recording-only masking resources', async () => {
    const resource = await makeResource(postgresResource({ ...suite.target }));
    await db().insert(resourceMasking).values({ resourceId: resource.id, mode: 'recording_only' });
    const { actor } = await makeUser();
    const created = await createSession({ actor, input: { resourceId: resource.id } });
    const client = await connectSqlClient(suite.gateway.localUrl(created.wsUrl), { origin: env().publicUrl });
    suite.track(client);
    await client.waitForMessage('status', (m) => m.state === 'connected');
    const run = await client.run('SELECT card_number FROM customers WHERE id = 1');
    expect(run.results[0]?.rows).toEqual([['4111 1111 1111 1111']]);
    client.ws.close();
    await endedSession(created.id);
    await suite.gateway.idle();
    const [recorded] = statementResults(await recordedSqlEvents(created.id));
    expect(recorded?.rows).toEqual([['[MASKED]1111']]);
  });

  it('returns one result set per statement, and stops at the first error with its position in the script', async () => {
    const { client } = await openConsole();
    const multi = await client.run('SELECT 1 AS a; SELECT 2 AS b, 3 AS c; UPDATE t SET x = x WHERE x > 3');
    expect(multi.results.map((r) => [r.columns.map((c) => c.name), r.rows, r.done?.command, r.done?.rowCount])).toEqual([
      [['a'], [['1']], 'SELECT', 1],
      [['b', 'c'], [['2', '3']], 'SELECT', 1],
      [[], [], 'UPDATE', 2],
    ]);
    const script = 'SELECT 1;\nSELECT * FROM t WHERE x = = 1;\nSELECT 3';
    // PostgreSQL's own parser finds the error before anything runs.
    const failed = await client.run(script);
    expect(failed.status).toBe('error');
    expect(failed.results.map((r) => r.index)).toEqual([1]);
    expect(failed.results[0]?.error).toMatchObject({ code: 'syntax_error', position: script.indexOf('= 1') });
    // The server's errors come back at their place in the script too.
    const missing = 'SELECT 1;\nSELECT nope FROM t';
    const failedOnServer = await client.run(missing);
    expect(failedOnServer.results.map((r) => r.index)).toEqual([0, 1]);
    expect(failedOnServer.results[1]?.error).toMatchObject({ code: 'query_failed', position: missing.indexOf('nope') });
  });

  it('cancels a running pg_sleep(30)', async () => {
    const { client } = await openConsole();
    const id = client.start('SELECT pg_sleep(30)');
    await client.waitForMessage('run', (m) => m.id === id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    client.send({ type: 'cancel', id });
    const run = await client.waitForRun(id, 10_000);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(run.status).toBe('cancelled');
    expect(run.results[0]?.error).toMatchObject({ code: 'cancelled' });
    expect((await client.run('SELECT 1')).status).toBe('ok');
  });

  it('stops at the statement timeout and at the row cap, saying so', async () => {
    const { client, created } = await openConsole({ settings: { statementTimeoutMs: 300, rowCap: 1000 } });
    const slow = await client.run('SELECT pg_sleep(5)');
    expect(slow.results[0]?.error).toMatchObject({ code: 'timeout' });
    const big = await client.run('SELECT g FROM generate_series(1, 100000) g');
    expect(big.results[0]).toMatchObject({ rowCount: 1000 });
    expect(big.results[0]?.done).toMatchObject({ rowCount: 1000, isTruncated: true });
    // The command index (the replay's list, the JSON export) has each statement's duration and error.
    client.ws.close();
    await endedSession(created.id);
    await suite.gateway.idle();
    const commands = await db().select().from(recordingCommands).where(eq(recordingCommands.recordingId, created.id)).orderBy(recordingCommands.seq);
    // The error's code and the row count are kept for insights (failures by cause, largest results).
    expect(commands.map((c) => [c.text, c.exitCode, c.failureReason, c.errorCode, c.rowCount])).toEqual([
      ['SELECT pg_sleep(5)', 1, slow.results[0]?.error?.message, 'timeout', null],
      ['SELECT g FROM generate_series(1, 100000) g', 0, null, null, 1000],
    ]);
    expect(commands[0]!.duration).toBeGreaterThanOrEqual(0.25);
    expect(commands[1]!.duration).toEqual(expect.any(Number));
  });

  it('is read-only on env=prod resources and blocks switching it off', async () => {
    const { client, status } = await openConsole({ tags: ['env=prod'] });
    expect(status.info?.isReadOnly).toBe(true);
    const write = await client.run('UPDATE t SET x = 0 WHERE x = 1');
    expect(write.results[0]?.error).toMatchObject({ code: 'read_only' });
    const sneaky = await client.run('SET default_transaction_read_only = off');
    expect(client.messages.find((m) => m.type === 'blocked' && m.id === sneaky.id)).toMatchObject({ reason: expect.stringMatching(/read-only/) });
  });

  it('tells a console inside a grant when the grant ends, as a terminal is told', async () => {
    const resource = await makeResource(postgresResource({ ...suite.target, accessMode: 'approval' }));
    const { actor } = await makeUser();
    const approver = await makeUser({ roles: ['approver'] });
    const { id: requestId } = await createRequest({ actor, input: { resourceId: resource.id, durationMinutes: 4, reason: 'Check the console countdown' } });
    await approveRequest({ actor: approver.actor, requestId });
    const created = await createSession({ actor, input: { resourceId: resource.id } });
    const client = await connectSqlClient(suite.gateway.localUrl(created.wsUrl), { origin: env().publicUrl });
    suite.track(client);
    const grant = await client.waitForMessage('grant');
    const left = Date.parse(grant.expiresAt) - Date.now();
    expect(left).toBeGreaterThan(3 * 60_000);
    expect(left).toBeLessThanOrEqual(4 * 60_000);

    // An open resource has no grant to count down.
    const open = await openConsole();
    await open.client.run('SELECT 1');
    expect(open.client.messages.some((m) => m.type === 'grant')).toBe(false);
  });

  it('holds DELETE without WHERE for review; approved, it runs in the console', async () => {
    const { client, user } = await openConsole();
    const approver = await makeUser({ roles: ['approver'] });
    const id = client.start('DELETE FROM t');
    const held = await client.waitForMessage('held', (m) => m.id === id);
    expect(held.reason).toMatch(/DELETE \/ UPDATE without WHERE needs review/);
    expect((await admin('SELECT count(*)::int AS n FROM t')).rows[0]?.n).toBe(5);

    const inbox = await listPendingSqlReviews({ actor: approver.actor });
    expect(inbox).toMatchObject([{ id: held.reviewId, script: 'DELETE FROM t', requesterEmail: user.email }]);
    expect(await listPendingSqlReviews({ actor: (await makeUser()).actor })).toEqual([]);
    await decideSqlReview({ actor: approver.actor, input: { reviewId: held.reviewId, decision: 'approve' } });

    const review = await client.waitForMessage('review', (m) => m.reviewId === held.reviewId);
    expect(review).toMatchObject({ status: 'approved', decider: approver.user.name });
    const run = await client.waitForMessage('finished', (m) => m.id === id);
    expect(run.status).toBe('ok');
    expect(client.messages.find((m) => m.type === 'done' && m.id === id)).toMatchObject({ command: 'DELETE', rowCount: 5 });
    expect((await admin('SELECT count(*)::int AS n FROM t')).rows[0]?.n).toBe(0);
  });

  it('lets the engineer withdraw a held submission', async () => {
    const { client } = await openConsole();
    const id = client.start('TRUNCATE t');
    const held = await client.waitForMessage('held', (m) => m.id === id);
    client.send({ type: 'cancel', id });
    expect(await client.waitForMessage('review', (m) => m.reviewId === held.reviewId)).toMatchObject({ status: 'cancelled' });
    const [review] = await db().select().from(sqlReviews);
    expect(review?.status).toBe('cancelled');
    expect((await admin('SELECT count(*)::int AS n FROM t')).rows[0]?.n).toBe(5);
  });

  it('never runs a denied submission, catches `SELECT 1; DROP TABLE t`, and refuses blocked classes', async () => {
    const { client, actor } = await openConsole();
    const approver = await makeUser({ roles: ['approver'] });
    const id = client.start('SELECT 1; DROP TABLE t');
    const held = await client.waitForMessage('held', (m) => m.id === id);
    expect(held.statements.map((s) => s.action)).toEqual(['allow', 'review']);
    await expect(decideSqlReview({ actor, input: { reviewId: held.reviewId, decision: 'approve' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await decideSqlReview({ actor: approver.actor, input: { reviewId: held.reviewId, decision: 'deny', comment: 'Not in business hours' } });
    expect(await client.waitForMessage('review', (m) => m.reviewId === held.reviewId)).toMatchObject({ status: 'denied', comment: 'Not in business hours' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.messages.some((m) => m.type === 'run' && m.id === id)).toBe(false);
    expect((await admin("SELECT to_regclass('public.t') IS NOT NULL AS present")).rows[0]?.present).toBe(true);

    const grant = await client.run('GRANT SELECT ON t TO PUBLIC');
    expect(client.messages.find((m) => m.type === 'blocked' && m.id === grant.id)).toMatchObject({ reason: expect.stringMatching(/Privileges are blocked/) });
    const [review] = await db().select().from(sqlReviews).orderBy(asc(sqlReviews.createdAt));
    expect(review).toMatchObject({ status: 'denied', deciderId: approver.user.id });
  });

  it('refuses a script over 200,000 characters as a run, and the console goes on (a long editor text is kept in part)', async () => {
    const { client, created } = await openConsole();
    const long = `SELECT 1;${' '.repeat(210_000)}`;
    const id = client.start(long);
    expect(await client.waitForMessage('blocked', (m) => m.id === id)).toMatchObject({ reason: expect.stringMatching(/210,009 characters: at most 200,000/) });
    // Only the selection runs; the editor's whole text is longer than a script may be.
    const selected = await client.run('SELECT 2 AS two', { editor: `SELECT 2 AS two;${'-- note\n'.repeat(30_000)}` });
    expect(selected.status).toBe('ok');
    expect(selected.results[0]?.rows).toEqual([['2']]);
    client.ws.close();
    expect((await endedSession(created.id)).endReason).toBe('disconnected');
  });

  it('streams a 1,000,000-row result through the gateway with bounded server memory', async () => {
    const resource = await makeResource(postgresResource({ ...suite.target }));
    await db().insert(sqlSettings).values({ resourceId: resource.id, policy: DEFAULT_SQL_POLICY, rowCap: 1_000_000 });
    const { actor } = await makeUser();
    const created = await createSession({ actor, input: { resourceId: resource.id } });
    const client = await connectSqlClient(suite.gateway.localUrl(created.wsUrl), { origin: env().publicUrl, isKeepingRows: false });
    suite.track(client);
    await client.waitForMessage('status', (m) => m.state === 'connected');
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
    const run = await client.run("SELECT g, md5(g::text) AS h, 'customer ' || g AS name FROM generate_series(1, 1000000) g", { id: 'big' });
    clearInterval(sampler);
    expect(run.results[0]?.rowCount).toBe(1_000_000);
    expect(run.results[0]?.done).toMatchObject({ isTruncated: false });
    expect(peak - before).toBeLessThan(50 * 1024 * 1024);
  }, 120_000);
});

import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject, it } from 'vitest';
import { db, setDb, type DbHandle } from '@/db/client';
import { recordingCommands, recordings } from '@/db/recording-schema';
import { auditEvents, sessions } from '@/db/schema';
import { env } from '@/server/env';
import { updateResource } from '@/server/resources/update-resource';
import { createSession } from '@/server/sessions/create-session';
import { openTestDb, truncateAll } from '@/test/db-drivers';
import { makeAdmin, makeResource, makeUser, postgresResource } from '@/test/factories';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { createDatabase } from '@/test/harness/postgres';
import { connectSqlClient, type SqlClient } from '@/test/harness/sql-client';

let gateway: TestGateway;
let handle: DbHandle;
let target: { host: string; port: number; username: string; password: string; database: string };

beforeAll(async () => {
  gateway = await startTestGateway();
  handle = await openTestDb('pglite');
  setDb(handle);
  const url = new URL(await createDatabase(inject('postgresUrl'), `sqlrec_${randomBytes(5).toString('hex')}`));
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`CREATE TABLE customers (id int PRIMARY KEY, card_number text)`);
  await client.query(`INSERT INTO customers VALUES (1, '4111 1111 1111 1111')`);
  await client.end();
  target = {
    host: '127.0.0.1',
    port: Number(url.port),
    username: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.slice(1),
  };
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  setDb(undefined);
  await handle?.close();
});

beforeEach(async () => {
  setDb(handle);
  await truncateAll(handle.db);
});
const clients: SqlClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.ws.close();
  await gateway.idle();
});

async function endedSession(id: string) {
  for (let i = 0; i < 200; i++) {
    const [row] = await db().select().from(sessions).where(eq(sessions.id, id));
    if (row?.status === 'ended') return row;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the session never ended');
}

it('a SQL console on a resource with recording off runs and masks statements but records nothing', async () => {
  const admin = await makeAdmin();
  const resource = await makeResource(postgresResource(target));
  await updateResource({ actor: admin.actor, resourceId: resource.id, input: { recording: 'off' } });
  const { actor } = await makeUser();
  const created = await createSession({ actor, input: { resourceId: resource.id } });
  const client = await connectSqlClient(gateway.localUrl(created.wsUrl), { origin: env().publicUrl });
  clients.push(client);
  await client.waitForMessage('status', (m) => m.state === 'connected');

  const run = await client.run('SELECT id, card_number FROM customers');
  expect(run.status).toBe('ok');
  expect(run.results[0]?.rows[0]).toEqual(['1', '[MASKED]1111']);
  const failed = await client.run('SELECT * FROM no_such_table');
  expect(failed.status).toBe('error');

  client.ws.close();
  expect(await endedSession(created.id)).toMatchObject({ isRecorded: false });
  await gateway.idle();
  expect(await db().select().from(recordings).where(eq(recordings.id, created.id))).toEqual([]);
  expect(await db().select().from(recordingCommands).where(eq(recordingCommands.recordingId, created.id))).toEqual([]);
  const actions = (await db().select().from(auditEvents).where(eq(auditEvents.targetId, created.id))).map((event) => event.action);
  expect(actions).toEqual(expect.arrayContaining(['session.start', 'session.end']));
});

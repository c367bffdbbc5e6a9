import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, expect, inject, it } from 'vitest';
import { db } from '@/db/client';
import { grants } from '@/db/access-schema';
import { sessions, type Role } from '@/db/schema';
import { approveRequest } from '@/server/access/approve-request';
import { createRequest } from '@/server/access/create-request';
import { env } from '@/server/env';
import { startPgEventBridge } from '@/server/events/pg-bridge';
import { confirmHostKey } from '@/server/resources/confirm-host-key';
import { deleteResource } from '@/server/resources/delete-resource';
import { updateResource } from '@/server/resources/update-resource';
import { createSession } from '@/server/sessions/create-session';
import { terminateSessions } from '@/server/events/terminate-sessions';
import { updateUser } from '@/server/users/update-user';
import { describeEachDriver } from '@/test/db-drivers';
import { makeAdmin, makeResource, makeUser, postgresResource, sshResource } from '@/test/factories';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { createDatabase } from '@/test/harness/postgres';
import { connectSqlClient, type SqlClient } from '@/test/harness/sql-client';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import { connectTerminal, type TerminalClient } from '@/test/harness/terminal-client';
import { CloseCode } from './protocol';

/** The brief's bound: a disabled user's or deleted resource's sessions end within a second. */
const WITHIN_MS = 1_000;

let sshd: Sshd;
let gateway: TestGateway;
let target: { host: string; port: number; username: string; password: string; database: string };

async function onTarget(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  [sshd, gateway] = await Promise.all([startSshd(), startTestGateway()]);
  const url = await createDatabase(inject('postgresUrl'), `term_${randomBytes(5).toString('hex')}`);
  const username = `console_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  await onTarget(url, `CREATE ROLE ${username} LOGIN PASSWORD '${password}'`);
  const parsed = new URL(url);
  target = { host: '127.0.0.1', port: Number(parsed.port), username, password, database: parsed.pathname.slice(1) };
}, 60_000);
afterAll(async () => {
  await Promise.all([sshd?.stop(), gateway?.close()]);
});

const origin = () => env().publicUrl;
const opened: { ws: { close(): void } }[] = [];
afterEach(async () => {
  for (const client of opened.splice(0)) client.ws.close();
  await gateway.idle();
});

async function sshdResource(options: { allowedRoles?: Role[]; accessMode?: 'open' | 'approval' } = {}) {
  const admin = await makeAdmin();
  const resource = await makeResource(sshResource({ host: sshd.host, port: sshd.port, username: sshd.username, password: sshd.password, ...options }));
  await confirmHostKey({ actor: admin.actor, resourceId: resource.id, input: { fingerprint: sshd.hostKeyFingerprint } });
  return resource;
}

async function openTerminal(actor: Parameters<typeof createSession>[0]['actor'], resourceId: string): Promise<{ id: string; term: TerminalClient }> {
  const created = await createSession({ actor, input: { resourceId } });
  const term = await connectTerminal(gateway.localUrl(created.wsUrl), { origin: origin() });
  opened.push(term);
  term.type('echo live-$((40+2))\n');
  await term.waitFor(/live-42/);
  return { id: created.id, term };
}

async function openConsole(actor: Parameters<typeof createSession>[0]['actor'], resourceId: string): Promise<{ id: string; client: SqlClient }> {
  const created = await createSession({ actor, input: { resourceId } });
  const client = await connectSqlClient(gateway.localUrl(created.wsUrl), { origin: origin() });
  opened.push(client);
  await client.waitForMessage('status', (m) => m.state === 'connected');
  expect((await client.run('SELECT 1 AS one')).status).toBe('ok');
  return { id: created.id, client };
}

async function sessionRow(id: string) {
  const [row] = await db().select().from(sessions).where(eq(sessions.id, id));
  return row;
}

/** The row is written by the session as it closes: give it the same second. */
async function endedRow(id: string) {
  const deadline = Date.now() + WITHIN_MS;
  for (;;) {
    const row = await sessionRow(id);
    if (row?.status === 'ended' || Date.now() > deadline) return row;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describeEachDriver('live sessions end when their user or resource goes', () => {
  it('disabling a user ends their terminal and SQL console at once, records user_disabled and revokes their grants', async () => {
    const admin = await makeAdmin();
    const engineer = await makeUser({ roles: ['approver'] });
    const approver = await makeUser({ roles: ['approver'] });
    const shell = await sshdResource();
    const database = await makeResource(postgresResource(target));
    const gated = await sshdResource({ accessMode: 'approval' });
    const request = await createRequest({ actor: engineer.actor, input: { resourceId: gated.id, durationMinutes: 30, reason: 'on call' } });
    const { grantId = '' } = await approveRequest({ actor: approver.actor, requestId: request.id });
    const terminal = await openTerminal(engineer.actor, shell.id);
    const sqlConsole = await openConsole(engineer.actor, database.id);
    const bystander = await makeUser();
    const other = await openTerminal(bystander.actor, shell.id);

    const startedAt = Date.now();
    await updateUser({ actor: admin.actor, userId: engineer.user.id, input: { isDisabled: true } });
    const [termExit, sqlExit] = await Promise.all([
      terminal.term.waitForMessage('exit', WITHIN_MS),
      sqlConsole.client.waitForMessage('exit', undefined, WITHIN_MS),
    ]);
    expect(Date.now() - startedAt).toBeLessThan(WITHIN_MS);
    expect(termExit).toMatchObject({ reason: 'user_disabled', message: expect.stringMatching(/disabled your account/) });
    expect(sqlExit).toMatchObject({ reason: 'user_disabled', message: expect.stringMatching(/disabled your account/) });
    expect((await terminal.term.closed).code).toBe(CloseCode.Terminated);
    expect((await sqlConsole.client.closed).code).toBe(CloseCode.Terminated);
    expect(await endedRow(terminal.id)).toMatchObject({ status: 'ended', endReason: 'user_disabled' });
    expect(await endedRow(sqlConsole.id)).toMatchObject({ status: 'ended', endReason: 'user_disabled' });

    const [grant] = await db().select().from(grants).where(eq(grants.id, grantId));
    expect(grant).toMatchObject({ status: 'revoked', revokedBy: admin.user.id });
    // Someone else's session on the same resource is untouched.
    other.term.type('echo still-$((1+1))\n');
    await other.term.waitFor(/still-2/);
    expect((await sessionRow(other.id))?.status).toBe('active');
  });

  it('deleting a resource ends its sessions with resource_deleted and leaves the others running', async () => {
    const admin = await makeAdmin();
    const engineer = await makeUser();
    const shell = await sshdResource();
    const database = await makeResource(postgresResource(target));
    const terminal = await openTerminal(engineer.actor, shell.id);
    const sqlConsole = await openConsole(engineer.actor, database.id);

    let startedAt = Date.now();
    await deleteResource({ actor: admin.actor, resourceId: database.id });
    expect(await sqlConsole.client.waitForMessage('exit', undefined, WITHIN_MS)).toMatchObject({ reason: 'resource_deleted' });
    expect(Date.now() - startedAt).toBeLessThan(WITHIN_MS);
    expect(await endedRow(sqlConsole.id)).toMatchObject({ status: 'ended', endReason: 'resource_deleted' });
    terminal.term.type('echo other-$((2+3))\n');
    await terminal.term.waitFor(/other-5/);

    startedAt = Date.now();
    await deleteResource({ actor: admin.actor, resourceId: shell.id });
    expect(await terminal.term.waitForMessage('exit', WITHIN_MS)).toMatchObject({
      reason: 'resource_deleted',
      message: expect.stringMatching(/deleted this resource/),
    });
    expect(Date.now() - startedAt).toBeLessThan(WITHIN_MS);
    expect(await endedRow(terminal.id)).toMatchObject({ status: 'ended', endReason: 'resource_deleted' });
  });

  it('a role change ends the sessions the new roles no longer allow, and only those', async () => {
    const admin = await makeAdmin();
    const engineer = await makeUser({ roles: ['approver'] });
    const approversOnly = await sshdResource({ allowedRoles: ['approver'] });
    const everyone = await makeResource(postgresResource(target));
    const lost = await openTerminal(engineer.actor, approversOnly.id);
    const kept = await openConsole(engineer.actor, everyone.id);

    const startedAt = Date.now();
    await updateUser({ actor: admin.actor, userId: engineer.user.id, input: { roles: ['engineer'] } });
    expect(await lost.term.waitForMessage('exit', WITHIN_MS)).toMatchObject({
      reason: 'terminated',
      message: 'You are no longer allowed to use this resource.',
    });
    expect(Date.now() - startedAt).toBeLessThan(WITHIN_MS);
    expect(await endedRow(lost.id)).toMatchObject({ status: 'ended', endReason: 'terminated' });
    expect((await kept.client.run('SELECT 2 AS two')).status).toBe('ok');
    expect((await sessionRow(kept.id))?.status).toBe('active');
  });

  it('a grant running out ends its terminal as it ends, not at the next periodic check', async () => {
    const engineer = await makeUser();
    const approver = await makeUser({ roles: ['approver'] });
    const gated = await sshdResource({ accessMode: 'approval' });
    const request = await createRequest({ actor: engineer.actor, input: { resourceId: gated.id, durationMinutes: 30, reason: 'on call' } });
    const { grantId = '' } = await approveRequest({ actor: approver.actor, requestId: request.id });
    // Nearly over (no expiry job or 5 s re-check runs in this harness: only the session's own check can end it).
    const [grant] = await db()
      .update(grants)
      .set({ expiresAt: sql`now() + interval '1500 milliseconds'` })
      .where(eq(grants.id, grantId))
      .returning();
    const terminal = await openTerminal(engineer.actor, gated.id);

    expect(await terminal.term.waitForMessage('exit', 5_000)).toMatchObject({ reason: 'grant_expired' });
    expect(Date.now() - grant!.expiresAt.getTime()).toBeLessThan(WITHIN_MS);
    expect(await endedRow(terminal.id)).toMatchObject({ status: 'ended', endReason: 'grant_expired' });
  });

  it('new credentials or a new address end the sessions the old ones opened; a new description does not', async () => {
    const admin = await makeAdmin();
    const shell = await sshdResource();
    const engineer = await makeUser();
    const kept = await openTerminal(engineer.actor, shell.id);
    await updateResource({ actor: admin.actor, resourceId: shell.id, input: { description: 'the build host' } });
    kept.term.type('echo kept-$((1+1))\n');
    await kept.term.waitFor(/kept-2/);

    const startedAt = Date.now();
    await updateResource({ actor: admin.actor, resourceId: shell.id, input: { password: sshd.password } });
    expect(await kept.term.waitForMessage('exit', WITHIN_MS)).toMatchObject({ reason: 'terminated', message: expect.stringMatching(/address or credentials/) });
    expect(Date.now() - startedAt).toBeLessThan(WITHIN_MS);
    expect(await endedRow(kept.id)).toMatchObject({ status: 'ended', endReason: 'terminated' });
  });

  it('narrowing who may use a resource ends the sessions no longer allowed, and only those', async () => {
    const admin = await makeAdmin();
    const shell = await sshdResource({ allowedRoles: ['engineer', 'approver'] });
    const engineer = await makeUser();
    const approver = await makeUser({ roles: ['approver'] });
    const dropped = await openTerminal(engineer.actor, shell.id);
    const kept = await openTerminal(approver.actor, shell.id);

    const startedAt = Date.now();
    await updateResource({ actor: admin.actor, resourceId: shell.id, input: { allowedRoles: ['approver'] } });
    expect(await dropped.term.waitForMessage('exit', WITHIN_MS)).toMatchObject({ reason: 'terminated' });
    expect(Date.now() - startedAt).toBeLessThan(WITHIN_MS);
    expect(await endedRow(dropped.id)).toMatchObject({ status: 'ended', endReason: 'terminated' });
    kept.term.type('echo kept-$((3+4))\n');
    await kept.term.waitFor(/kept-7/);

    // Needing approval now, without a grant: the approver's session ends too.
    await updateResource({ actor: admin.actor, resourceId: shell.id, input: { accessMode: 'approval' } });
    expect(await kept.term.waitForMessage('exit', WITHIN_MS)).toMatchObject({ reason: 'terminated' });
  });
});

describeEachDriver('session.terminate across replicas (PostgreSQL LISTEN/NOTIFY)', (driver) => {
  let bridge: ReturnType<typeof startPgEventBridge> | undefined;
  let other: pg.Client | undefined;
  afterEach(async () => {
    await bridge?.stop();
    await other?.end();
    bridge = other = undefined;
  });

  // Replicas share a PostgreSQL database; the embedded one belongs to a single process.
  it.skipIf(driver !== 'postgres')('ends a session here when another replica publishes the event, and relays ours to them', async () => {
    const url = inject('postgresUrl');
    bridge = startPgEventBridge(url);
    // The other replica, played by a plain connection.
    other = new pg.Client({ connectionString: url });
    await other.connect();
    await other.query('LISTEN porthole_events');
    const heard: string[] = [];
    other.on('notification', (message) => heard.push(message.payload ?? ''));
    await bridge.ready;

    const engineer = await makeUser();
    const shell = await sshdResource();
    const mine = await openTerminal(engineer.actor, shell.id);
    const startedAt = Date.now();
    const event = { type: 'session.terminate', selector: { userId: engineer.user.id }, reason: 'user_disabled', message: 'Disabled on another replica.' };
    await other.query('SELECT pg_notify($1, $2)', ['porthole_events', JSON.stringify({ origin: 'another-replica', event })]);
    expect(await mine.term.waitForMessage('exit', WITHIN_MS)).toMatchObject({ reason: 'user_disabled', message: 'Disabled on another replica.' });
    expect(Date.now() - startedAt).toBeLessThan(WITHIN_MS);
    expect(await endedRow(mine.id)).toMatchObject({ status: 'ended', endReason: 'user_disabled' });

    terminateSessions({ resourceId: shell.id }, 'resource_deleted');
    const deadline = Date.now() + WITHIN_MS;
    while (!heard.some((payload) => payload.includes(shell.id)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const relayed: unknown = JSON.parse(heard.find((payload) => payload.includes(shell.id)) ?? 'null');
    expect(relayed).toMatchObject({ event: { type: 'session.terminate', selector: { resourceId: shell.id }, reason: 'resource_deleted' } });
  });
});

import { randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '@/test/harness/postgres';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import { connectSqlClient } from '@/test/harness/sql-client';
import { connectSqlWatcher } from '@/test/harness/sql-watch-client';
import { connectTerminal, refusedStatus } from '@/test/harness/terminal-client';
import { WATCHER_BUFFER_BYTES } from '../watch/watcher';
import { INTERNAL_WATCH_HEADER } from './internal-watch-token';
import { startReplicaProcess, until, type ReplicaProcess } from './testing/replica-process';

/** Both replicas answer for one public URL, as behind a load balancer. */
const PUBLIC_URL = 'http://porthole.test';
const REPLICA_TIMEOUT_SECONDS = 5;

type Seed = { engineerId: string; auditorId: string; approverId: string; resourceId: string };
type Ticket = { id: string; wsUrl: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let sshd: Sshd;
let pool: Pool;
let a: ReplicaProcess;
let b: ReplicaProcess;
let seed: Seed;

beforeAll(async () => {
  sshd = await startSshd();
  const databaseUrl = await createDatabase(inject('postgresUrl'), `replicas_${process.pid}_${Date.now()}`);
  pool = new Pool({ connectionString: databaseUrl, max: 2 });
  const init = { databaseUrl, publicUrl: PUBLIC_URL, secretKey: randomBytes(32).toString('hex'), replicaTimeoutSeconds: REPLICA_TIMEOUT_SECONDS };
  // One after the other: the first applies the migrations.
  a = await startReplicaProcess(init);
  b = await startReplicaProcess(init);
  const { host, port, username, password, hostKeyFingerprint } = sshd;
  seed = await a.call<Seed>('seed', { host, port, username, password, fingerprint: hostKeyFingerprint });
}, 120_000);

afterAll(async () => {
  a?.stop();
  b?.stop();
  await pool?.end();
  await sshd?.stop();
});

/** The engineer's grant (one at a time): requested and approved on A. */
let grantId: string | undefined;
async function activeGrant(): Promise<string> {
  if (grantId) return grantId;
  const requestId = await a.call<string>('request', seed);
  grantId = await a.call<string>('approve', { ...seed, requestId });
  return grantId;
}

/** A live terminal session relayed by replica A. */
async function terminalOnA() {
  const ticket = await a.call<Ticket>('session', seed);
  const term = await connectTerminal(a.local(ticket.wsUrl), { origin: PUBLIC_URL });
  term.type('echo on-a-$((6*7))\n');
  await term.waitFor(/on-a-42/);
  return { id: ticket.id, term };
}

/** A database (and a login for it) for SQL console sessions on the replicas. */
async function sqlTarget() {
  const url = new URL(await createDatabase(inject('postgresUrl'), `replicas_sql_${process.pid}_${Date.now()}`));
  const username = `console_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  const admin = new Pool({ connectionString: url.toString(), max: 1 });
  await admin.query(`CREATE ROLE ${username} LOGIN PASSWORD '${password}'`);
  await admin.end();
  return { host: '127.0.0.1', port: url.port, username, password, database: url.pathname.slice(1) };
}

async function sessionStatus(id: string): Promise<string | undefined> {
  const { rows } = await pool.query<{ status: string }>('select status from sessions where id = $1', [id]);
  return rows[0]?.status;
}

describe('two replicas on one PostgreSQL', () => {
  it('a session relayed by A is listed, watched (screen, then live output, banner on A) and terminated from B', async () => {
    await activeGrant();
    await b.call('stream', { userId: seed.auditorId });
    const { id, term } = await terminalOnA();
    expect(await b.call<string[]>('listLive', seed)).toContain(id);
    await until(
      () => b.streamed('session', seed.auditorId).find((m) => (m.data as { sessionId: string }).sessionId === id),
      'the live list on B to hear of the session',
    );

    const ticket = await b.call<Ticket>('watchTicket', { ...seed, sessionId: id });
    const watcher = await connectTerminal(b.local(ticket.wsUrl), { origin: PUBLIC_URL, isAcking: false });
    expect(await watcher.waitForMessage('screen')).toMatchObject({ cols: expect.any(Number) as unknown });
    await watcher.waitFor(/on-a-42/);
    expect((await term.waitForMessage('watchers')).names).toEqual(['Ada Auditor']);
    term.type('echo live-$((7*7))\n');
    await watcher.waitFor(/live-49/);
    watcher.type('echo from-watcher\n');
    expect((await watcher.waitForMessage('error')).code).toBe('read_only');

    await b.call('terminate', { ...seed, sessionId: id, reason: 'checked from the other replica' });
    expect((await term.waitForMessage('exit')).message).toMatch(/checked from the other replica/);
    expect((await watcher.waitForMessage('exit')).message).toMatch(/checked from the other replica/);
    await watcher.closed;
    await until(async () => ((await sessionStatus(id)) === 'ended' ? true : undefined), 'the session row to end');
  }, 60_000);

  it('a watcher on B that stops reading never slows the session on A, and is resynced to the current screen', async () => {
    await activeGrant();
    const { id, term } = await terminalOnA();
    const ticket = await b.call<Ticket>('watchTicket', { ...seed, sessionId: id });
    const watcher = await connectTerminal(b.local(ticket.wsUrl), { origin: PUBLIC_URL, isAcking: false });
    await watcher.waitForMessage('screen');
    // Stop reading, as a stalled connection would: the kernel's buffers fill, then B's, then A's.
    const watcherSocket = (watcher.ws as unknown as { _socket: Duplex })._socket;
    watcherSocket.pause();
    // If the watcher could hold the session back, the engineer's output would stop once the
    // watcher's buffers (B's, then A's) were full. An endless flood runs until A has dropped the
    // watcher, then on for 8 times A's whole watcher bound while the watcher still reads nothing;
    // then Ctrl-C (an 18 MB flood showed the same, but most of it came after the drop).
    term.type('seq 1 1000000000\n');
    const isDropped = async () => ((await a.call<number[]>('resyncs', { sessionId: id })).some((count) => count > 0) ? true : undefined);
    await until(isDropped, 'A to drop the watcher', 90_000);
    const atDrop = term.received();
    await until(() => (term.received() > atDrop + 8 * WATCHER_BUFFER_BYTES ? true : undefined), 'the session to run on past the dropped watcher', 90_000);
    term.type('\x03');
    term.type('echo flood-done-$((6*7))\n');
    await term.waitFor(/flood-done-42/, 90_000);
    watcherSocket.resume();
    term.type('echo after-flood-$((7*6))\n');
    await term.waitFor(/after-flood-42/);
    await watcher.waitFor(/after-flood-42/, 30_000);
    // Resynced: a second screen, not the whole backlog.
    expect(watcher.messages.filter((m) => m.type === 'screen').length).toBeGreaterThan(1);
    watcher.ws.close();
    term.ws.close();
  }, 120_000);

  it('a SQL console relayed by A is watched from B: statements and outcomes live, masked; the banner on A; the end reaches B', async () => {
    const target = await sqlTarget();
    const resourceId = await a.call<string>('sqlResource', target);
    const ticket = await a.call<Ticket>('session', { ...seed, resourceId });
    const sqlConsole = await connectSqlClient(a.local(ticket.wsUrl), { origin: PUBLIC_URL });
    await sqlConsole.waitForMessage('status', (m) => m.state === 'connected');
    const before = await sqlConsole.run('SELECT 1 AS before_watch');

    const watchTicket = await b.call<Ticket>('watchTicket', { ...seed, sessionId: ticket.id });
    const watcher = await connectSqlWatcher(b.local(watchTicket.wsUrl), { origin: PUBLIC_URL });
    await watcher.waitForEvent((event) => event.sql === 'finished' && event.id === before.id);
    expect((await sqlConsole.waitForMessage('watchers')).names).toEqual(['Ada Auditor']);
    const live = await sqlConsole.run(`SELECT 'AKIARHUNWS7DR4ERD7TI' AS k FROM generate_series(1, 3)`);
    const result = await watcher.waitForEvent((event) => event.sql === 'result' && event.id === live.id);
    expect(result).toMatchObject({ rowCount: 3, command: 'SELECT', rows: [] });
    expect(watcher.events().find((event) => event.sql === 'statement' && event.id === live.id)).toMatchObject({
      text: "SELECT '[MASKED:aws-key]' AS k FROM generate_series(1, 3)",
    });
    expect(watcher.raw()).not.toContain('AKIARHUNWS7DR4ERD7TI');

    await b.call('terminate', { ...seed, sessionId: ticket.id, reason: 'checked the SQL from the other replica' });
    expect((await watcher.waitForMessage('exit')).message).toMatch(/checked the SQL from the other replica/);
    await watcher.closed;
    expect((await sqlConsole.waitForMessage('exit')).reason).toBe('terminated');
  });

  it('refuses an internal watch without a valid signed token, and a watch of a session no live replica relays', async () => {
    const { id, term } = await terminalOnA();
    const url = `ws://127.0.0.1:${a.port}/ws/sessions/${id}/watch`;
    expect(await refusedStatus(url, { [INTERNAL_WATCH_HEADER]: 'e30.AAAA' })).toBe(401);
    // Stamped with a replica that never existed: nobody to proxy to.
    await pool.query(`update sessions set replica_id = gen_random_uuid() where id = $1`, [id]);
    const ticket = await b.call<Ticket>('watchTicket', { ...seed, sessionId: id });
    expect(await refusedStatus(b.local(ticket.wsUrl), { origin: PUBLIC_URL })).toBe(409);
    term.ws.close();
  }, 60_000);

  it('a grant revoked on B ends the session on A at once', async () => {
    const revoked = await activeGrant();
    const { term } = await terminalOnA();
    const revokedAt = Date.now();
    await b.call('revoke', { ...seed, grantId: revoked });
    grantId = undefined;
    expect(await term.waitForMessage('exit')).toMatchObject({ reason: 'grant_revoked' });
    expect(Date.now() - revokedAt).toBeLessThan(3_000);
  }, 60_000);

  it('a request and its approval on A move the approver’s badge on B', async () => {
    await b.call('stream', { userId: seed.approverId });
    const counts = () => b.streamed('inbox', seed.approverId).map((m) => (m.data as { count: number }).count);
    await until(() => (counts().length > 0 ? true : undefined), 'the first badge count');
    const requestId = await a.call<string>('request', seed);
    await until(() => (counts().at(-1) === 1 ? true : undefined), 'the badge on B to show the request made on A');
    grantId = await a.call<string>('approve', { ...seed, requestId });
    await until(() => (counts().at(-1) === 0 ? true : undefined), 'the badge on B to clear after the approval on A');
  }, 60_000);

  it('shares the login limiter: failures counted on A lock the pair on B', async () => {
    for (let i = 0; i < 5; i++) expect(await a.call<number>('login', { email: 'emma@porthole.test', ip: '203.0.113.9' })).toBe(0);
    expect(await b.call<number>('login', { email: 'emma@porthole.test', ip: '203.0.113.9' })).toBeGreaterThan(0);
  }, 30_000);

  it('runs a job on one replica at a time; when A is SIGKILLed mid-job B takes the job over and marks A’s sessions interrupted', async () => {
    await activeGrant();
    const { id } = await terminalOnA();
    await a.call('holdJob');
    await until(() => a.isJobRunning() || undefined, 'the job to start on A');
    await b.call('holdJob');
    await sleep(1_500);
    expect(b.isJobRunning()).toBe(false);

    // Old enough that a survivor may judge it (a younger one might belong to a replica still registering).
    await sleep(REPLICA_TIMEOUT_SECONDS * 1000);
    const killedAt = Date.now();
    a.child.kill('SIGKILL');
    await a.exited;
    await until(() => b.isJobRunning() || undefined, 'B to take the job over', 15_000);
    await until(async () => ((await sessionStatus(id)) === 'interrupted' ? true : undefined), 'B to mark the dead replica’s session interrupted', 30_000);
    expect(Date.now() - killedAt).toBeLessThan(60_000);
    const recording = await until(async () => {
      const { rows } = await pool.query<{ status: string }>('select status from recordings where id = $1', [id]);
      return rows[0]?.status === 'recording' ? undefined : rows[0]?.status;
    }, 'the recording to be sealed');
    expect(recording).toBe('interrupted');
  }, 90_000);
});

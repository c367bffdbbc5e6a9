import { eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, expect, inject, it } from 'vitest';
import { db } from '@/db/client';
import { sessions } from '@/db/schema';
import { env } from '@/server/env';
import { confirmHostKey } from '@/server/resources/confirm-host-key';
import { createSession } from '@/server/sessions/create-session';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { makeAdmin, makeResource, makeUser, postgresResource, sshResource } from '@/test/factories';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { createDatabase } from '@/test/harness/postgres';
import { connectSqlClient, type SqlClient } from '@/test/harness/sql-client';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import { connectTerminal, type TerminalClient } from '@/test/harness/terminal-client';

/** PORTHOLE_SESSION_INPUT_IDLE_MINUTES in the test: 0.05 min = 3 s. */
const LIMIT_MS = 3_000;

let sshd: Sshd;
let gateway: TestGateway;
let database: { host: string; port: number; username: string; password: string; database: string };
const opened: Array<TerminalClient | SqlClient> = [];

beforeAll(async () => {
  [sshd, gateway] = await Promise.all([startSshd(), startTestGateway()]);
  const url = await createDatabase(inject('postgresUrl'), `idle_${randomBytes(5).toString('hex')}`);
  const username = `idle_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE ROLE ${username} LOGIN PASSWORD '${password}'`);
  await client.end();
  const parsed = new URL(url);
  database = { host: '127.0.0.1', port: Number(parsed.port), username, password, database: parsed.pathname.slice(1) };
}, 60_000);
afterAll(async () => {
  await Promise.all([sshd?.stop(), gateway?.close()]);
});
afterEach(async () => {
  for (const client of opened.splice(0)) client.ws.close();
  await gateway.idle();
});

async function openShell(inputIdleMinutes?: number | null): Promise<{ id: string; term: TerminalClient }> {
  const admin = await makeAdmin();
  const resource = await makeResource(
    sshResource({
      host: sshd.host,
      port: sshd.port,
      username: sshd.username,
      password: sshd.password,
      ...(inputIdleMinutes === undefined ? {} : { inputIdleMinutes }),
    }),
  );
  await confirmHostKey({ actor: admin.actor, resourceId: resource.id, input: { fingerprint: sshd.hostKeyFingerprint } });
  const { actor } = await makeUser();
  const created = await createSession({ actor, input: { resourceId: resource.id } });
  const term = await connectTerminal(gateway.localUrl(created.wsUrl), { origin: env().publicUrl });
  opened.push(term);
  return { id: created.id, term };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function idleMessages(term: TerminalClient) {
  return term.messages.filter((m) => m.type === 'idle');
}

async function waitForIdleMessages(term: TerminalClient, count: number): Promise<void> {
  const deadline = Date.now() + LIMIT_MS * 2;
  while (idleMessages(term).length < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} idle messages, got ${JSON.stringify(idleMessages(term))}`);
    await sleep(25);
  }
}

describeEachDriver('a terminal nobody types in ends after the idle limit', () => {
  it('typing keeps it open past the limit; then, without input, it ends with the reason on screen and in its row', async () => {
    setTestEnv({ PORTHOLE_SESSION_INPUT_IDLE_MINUTES: '0.05' });
    const { id, term } = await openShell();
    const openedAt = Date.now();
    for (let i = 0; i < 4; i += 1) {
      await sleep(LIMIT_MS / 3);
      term.type(`echo typed-${i}-$((2+2))\n`);
      await term.waitFor(new RegExp(`typed-${i}-4`));
    }
    expect(Date.now() - openedAt).toBeGreaterThan(LIMIT_MS);
    // Output is not input: a command that prints for longer than the limit is cut at the limit.
    term.type('for i in $(seq 1 20); do echo tick-$i; sleep 0.4; done\n');
    const lastInput = Date.now();
    await term.waitFor(/tick-1\b/);
    const exit = await term.waitForMessage('exit', LIMIT_MS * 3);
    const endedAfter = Date.now() - lastInput;
    expect(exit).toMatchObject({ reason: 'idle_timeout', message: 'No input for 3s, so Porthole ended the session.' });
    expect(endedAfter).toBeGreaterThanOrEqual(LIMIT_MS - 100);
    expect(endedAfter).toBeLessThan(LIMIT_MS + 2_000);
    expect(term.output()).not.toMatch(/tick-20/);
    await gateway.idle();
    const [row] = await db().select().from(sessions).where(eq(sessions.id, id));
    expect(row).toMatchObject({ status: 'ended', endReason: 'idle_timeout' });
  });

  it('warns before the end; "Stay connected" (an `active` message) withdraws the warning and keeps the session past it', async () => {
    setTestEnv({ PORTHOLE_SESSION_INPUT_IDLE_MINUTES: '0.05' });
    const { term } = await openShell();
    const openedAt = Date.now();
    // A limit under two minutes is warned halfway through it.
    const warning = await term.waitForMessage('idle', LIMIT_MS * 2);
    expect(warning.endsInMs).toBeGreaterThan(0);
    expect(warning.endsInMs).toBeLessThanOrEqual(LIMIT_MS / 2);
    term.send({ type: 'active' });
    await waitForIdleMessages(term, 2);
    expect(idleMessages(term)[1]).toEqual({ type: 'idle', endsInMs: null });
    // Past the end the first warning announced: the session is still open, and warned again.
    await sleep(Math.max(0, openedAt + LIMIT_MS + 400 - Date.now()));
    expect(term.messages.some((m) => m.type === 'exit')).toBe(false);
    await waitForIdleMessages(term, 3);
    // Typing withdraws it as well.
    const lastInput = Date.now();
    term.type('echo alive-$((3+4))\n');
    await term.waitFor(/alive-7/);
    await waitForIdleMessages(term, 4);
    const exit = await term.waitForMessage('exit', LIMIT_MS * 3);
    expect(exit.reason).toBe('idle_timeout');
    expect(Date.now() - lastInput).toBeGreaterThanOrEqual(LIMIT_MS - 100);
    expect(idleMessages(term).map((m) => m.endsInMs === null)).toEqual([false, true, false, true, false]);
  });

  it('a statement running longer than the limit is waited for: the console ends only once it has been idle since', async () => {
    setTestEnv({ PORTHOLE_SESSION_INPUT_IDLE_MINUTES: '0.05' });
    const { actor } = await makeUser();
    const resource = await makeResource(postgresResource(database));
    const created = await createSession({ actor, input: { resourceId: resource.id } });
    const sql = await connectSqlClient(gateway.localUrl(created.wsUrl), { origin: env().publicUrl });
    opened.push(sql);
    await sql.waitForMessage('status', (m) => m.state === 'connected');
    const run = await sql.run('SELECT pg_sleep(4.5) AS slept');
    const finishedAt = Date.now();
    expect(run.status).toBe('ok');
    const exit = await sql.waitForMessage('exit', undefined, LIMIT_MS * 3);
    expect(exit.reason).toBe('idle_timeout');
    expect(Date.now() - finishedAt).toBeLessThan(LIMIT_MS + 2_000);
  });

  it("a resource's own limit wins over the installation's: shorter on one, none (0) on another", async () => {
    for (const installation of [undefined, '30']) {
      setTestEnv({ PORTHOLE_SESSION_INPUT_IDLE_MINUTES: installation });
      const shell = await openShell(0.05);
      const exit = await shell.term.waitForMessage('exit', LIMIT_MS * 3);
      expect(exit).toMatchObject({ reason: 'idle_timeout', message: 'No input for 3s, so Porthole ended the session.' });
    }
    setTestEnv({ PORTHOLE_SESSION_INPUT_IDLE_MINUTES: '0.05' });
    const { term } = await openShell(0);
    await sleep(LIMIT_MS + 500);
    term.type('echo still-$((5+6))\n');
    await term.waitFor(/still-11/);
    expect(term.messages.filter((m) => m.type === 'idle' || m.type === 'exit')).toEqual([]);
  });

  it('is off unless configured: a quiet terminal stays open', async () => {
    const { term } = await openShell();
    term.type('echo hello-$((1+1))\n');
    await term.waitFor(/hello-2/);
    await sleep(LIMIT_MS + 500);
    term.type('echo still-$((5+6))\n');
    await term.waitFor(/still-11/);
  });
});

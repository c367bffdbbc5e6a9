import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { db, dbDriver, setDb, type DbHandle } from '@/db/client';
import { auditEvents, resources, sessions, users, wsTickets } from '@/db/schema';
import { env } from '@/server/env';
import { confirmHostKey } from '@/server/resources/confirm-host-key';
import { createSession } from '@/server/sessions/create-session';
import { issueSessionTicket } from '@/server/sessions/issue-ticket';
import { describeEachDriver } from '@/test/db-drivers';
import { actorOf, makeAdmin, makeResource, makeUser, sshResource } from '@/test/factories';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import { connectTerminal, refusedStatus } from '@/test/harness/terminal-client';
import { liveSessions } from '../relay/live-sessions';
import { CloseCode, MAX_INBOUND_FRAME_BYTES } from './protocol';

let sshd: Sshd;
let gateway: TestGateway;
beforeAll(async () => {
  [sshd, gateway] = await Promise.all([startSshd(), startTestGateway()]);
});
afterAll(async () => {
  await Promise.all([sshd?.stop(), gateway?.close()]);
});

const origin = () => env().publicUrl;

/** An SSH resource on the test sshd, host key pinned the way an admin pins it. */
async function sshdResource({ isPinned = true } = {}) {
  const resource = await makeResource(sshResource({ host: sshd.host, port: sshd.port, username: sshd.username, password: sshd.password }));
  if (isPinned) await confirmHostKey({ actor: (await makeAdmin()).actor, resourceId: resource.id, input: { fingerprint: sshd.hostKeyFingerprint } });
  return resource;
}

async function openSession(options: { isPinned?: boolean; via?: 'session' | 'token' } = {}) {
  const resource = await sshdResource(options);
  const { user } = await makeUser();
  const actor = await actorOf(user.id, options.via);
  const created = await createSession({ actor, input: { resourceId: resource.id } });
  return { resource, user, actor, created, url: gateway.localUrl(created.wsUrl) };
}

async function sessionRow(id: string) {
  const [row] = await db().select().from(sessions).where(eq(sessions.id, id));
  return row;
}

/** The row is written just after the socket closes. */
async function endedRow(id: string) {
  for (let i = 0; i < 100; i++) {
    const row = await sessionRow(id);
    if (row?.status === 'ended') return row;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the session row never ended');
}

describeEachDriver('terminal gateway', (driver) => {
  // Sessions closed at the end of a test record their end before the next test empties the tables.
  afterEach(() => gateway.idle());

  it('relays a shell: command, resize, exit, and records the session', async () => {
    const { created, url, user } = await openSession();
    const term = await connectTerminal(`${url}&cols=100&rows=30`, { origin: origin() });
    expect((await term.waitForMessage('status')).state).toBe('connecting');
    term.type('stty size; echo $((6*7))\n');
    await term.waitFor(/[\r\n]30 100\r\n42\r\n/);
    term.send({ type: 'resize', cols: 120, rows: 40 });
    term.type('stty size\n');
    await term.waitFor(/[\r\n]40 120\r\n/);
    term.send({ type: 'ping' });
    await term.waitForMessage('pong');
    term.type('exit\n');
    expect(await term.waitForMessage('exit')).toEqual({ type: 'exit', reason: 'user_exit', message: 'The shell exited with code 0.', exitCode: 0 });
    expect((await term.closed).code).toBe(CloseCode.SessionEnded);
    expect(term.messages.some((m) => m.type === 'status' && m.state === 'connected')).toBe(true);

    const row = await endedRow(created.id);
    expect(row).toMatchObject({ userId: user.id, endReason: 'user_exit', clientIp: '127.0.0.1' });
    expect(row.startedAt).toBeInstanceOf(Date);
    expect(row.endedAt).toBeInstanceOf(Date);
    expect(row.bytesIn).toBe('stty size; echo $((6*7))\n'.length + 'stty size\n'.length + 'exit\n'.length);
    expect(row.bytesOut).toBeGreaterThan(20);
    const actions = await db().select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.targetId, created.id));
    expect(actions.map((a) => a.action).sort()).toEqual(['session.create', 'session.end', 'session.start']);
  });

  it('ends the session with target_closed when the target dies mid-session', async () => {
    const { created, url } = await openSession();
    const term = await connectTerminal(url, { origin: origin() });
    term.type('echo up-$((1+1))\n');
    await term.waitFor(/up-2/);
    sshd.killConnections();
    expect((await term.waitForMessage('exit')).reason).toBe('target_closed');
    expect((await term.closed).code).toBe(CloseCode.SessionEnded);
    expect((await endedRow(created.id)).endReason).toBe('target_closed');
  });

  it('ends the SSH session when the browser closes', async () => {
    const { created, url } = await openSession();
    const term = await connectTerminal(url, { origin: origin() });
    term.type('echo up-$((1+1))\n');
    await term.waitFor(/up-2/);
    term.ws.close();
    const row = await endedRow(created.id);
    expect(row.endReason).toBe('disconnected');
    expect(row.endMessage).toMatch(/browser closed/);
  });

  it('can be terminated from outside, with the reason shown to the browser', async () => {
    const { created, url } = await openSession();
    const term = await connectTerminal(url, { origin: origin() });
    await term.waitForMessage('status');
    liveSessions().get(created.id)?.terminate('Your access grant was revoked.', 'grant_revoked');
    expect(await term.waitForMessage('exit')).toMatchObject({ reason: 'grant_revoked', message: 'Your access grant was revoked.' });
    expect((await term.closed).code).toBe(CloseCode.Terminated);
    expect(await endedRow(created.id)).toMatchObject({ endReason: 'grant_revoked', endMessage: 'Your access grant was revoked.' });
  });

  it('answers a malformed frame with an error and a close, and keeps serving', async () => {
    for (const frame of ['not json', JSON.stringify({ type: 'launch-missiles' }), JSON.stringify({ type: 'resize', cols: -1, rows: 5 })]) {
      const { created, url } = await openSession();
      const term = await connectTerminal(url, { origin: origin() });
      term.send(frame);
      expect((await term.waitForMessage('error')).code).toBe('bad_frame');
      expect((await term.closed).code).toBe(CloseCode.BadFrame);
      expect((await endedRow(created.id)).endReason).toBe('error');
    }
    const { url } = await openSession();
    const term = await connectTerminal(url, { origin: origin() });
    term.type('echo still-$((2+2))\n');
    await term.waitFor(/still-4/);
    term.ws.close();
  });

  it('closes on an input frame over the size limit', async () => {
    const { created, url } = await openSession();
    const term = await connectTerminal(url, { origin: origin() });
    term.ws.send(Buffer.alloc(MAX_INBOUND_FRAME_BYTES + 1, 0x61));
    expect((await term.closed).code).toBe(1009);
    expect((await endedRow(created.id)).endReason).toBe('error');
  });

  it('refuses a target whose host key was never confirmed, with a clear error', async () => {
    const { created, url } = await openSession({ isPinned: false });
    const term = await connectTerminal(url, { origin: origin() });
    const error = await term.waitForMessage('error');
    expect(error.code).toBe('host_key_unconfirmed');
    expect((await term.closed).code).toBe(CloseCode.TargetError);
    expect(await endedRow(created.id)).toMatchObject({ endReason: 'error', endMessage: error.message });
  });

  it('refuses an upgrade without a ticket, with a reused or expired ticket', async () => {
    const { created, url } = await openSession();
    expect(await refusedStatus(url.replace(/\?ticket=.*/, ''), { origin: origin() })).toBe(401);
    expect(await refusedStatus(url.replace(/ticket=[^&]+/, 'ticket=made-up'), { origin: origin() })).toBe(401);

    const term = await connectTerminal(url, { origin: origin() });
    term.ws.close();
    await endedRow(created.id);
    expect(await refusedStatus(url, { origin: origin() })).toBe(401);

    const second = await openSession();
    await db()
      .update(wsTickets)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(wsTickets.sessionId, second.created.id));
    expect(await refusedStatus(second.url, { origin: origin() })).toBe(401);
    expect((await sessionRow(second.created.id))?.status).toBe('pending');
  });

  it("refuses another user's session", async () => {
    const victim = await openSession();
    const { user } = await makeUser();
    const intruder = await actorOf(user.id);
    // Its own ticket, presented on the victim's session.
    const own = await createSession({ actor: intruder, input: { resourceId: victim.resource.id } });
    const ticket = new URL(own.wsUrl).searchParams.get('ticket') ?? '';
    expect(await refusedStatus(gateway.localUrl(`${env().publicUrl}/ws/sessions/${victim.created.id}?ticket=${ticket}`), { origin: origin() })).toBe(403);
    await expect(issueSessionTicket({ actor: intruder, sessionId: victim.created.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await sessionRow(victim.created.id))?.status).toBe('pending');
  });

  it('checks Origin: foreign refused; absent only for API-token tickets', async () => {
    const browser = await openSession();
    expect(await refusedStatus(browser.url, { origin: 'https://evil.example' })).toBe(403);
    // The foreign attempt did not burn the ticket: the page itself still connects.
    const term = await connectTerminal(browser.url, { origin: origin() });
    term.ws.close();

    const other = await openSession();
    expect(await refusedStatus(other.url)).toBe(403);

    const script = await openSession({ via: 'token' });
    const scripted = await connectTerminal(script.url);
    scripted.type('echo token-$((3+3))\n');
    await scripted.waitFor(/token-6/);
    scripted.ws.close();
  });

  it('refuses a disabled user, a resource no longer allowed, and a second socket', async () => {
    const disabled = await openSession();
    await db().update(users).set({ isDisabled: true }).where(eq(users.id, disabled.user.id));
    expect(await refusedStatus(disabled.url, { origin: origin() })).toBe(403);

    const revoked = await openSession();
    await db()
      .update(resources)
      .set({ allowedRoles: ['admin'] })
      .where(eq(resources.id, revoked.resource.id));
    expect(await refusedStatus(revoked.url, { origin: origin() })).toBe(403);

    const twice = await openSession();
    const spare = await issueSessionTicket({ actor: twice.actor, sessionId: twice.created.id });
    const term = await connectTerminal(twice.url, { origin: origin() });
    expect(await refusedStatus(gateway.localUrl(spare.wsUrl), { origin: origin() })).toBe(409);
    term.ws.close();
  });

  it('fails closed when the database is unavailable', async () => {
    const { url } = await openSession();
    const handle = (globalThis as unknown as { __portholeDb?: DbHandle }).__portholeDb;
    setDb(undefined);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await refusedStatus(url, { origin: origin() })).toBe(503);
    } finally {
      setDb(handle);
      logged.mockRestore();
    }
    expect(dbDriver()).toBe(driver);
    const tickets = await db().select().from(wsTickets);
    expect(tickets.map((t) => t.consumedAt)).toEqual([null]);
  });
});

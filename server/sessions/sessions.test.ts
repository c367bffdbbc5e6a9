import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { resources, sessions } from '@/db/schema';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { makeResource, makeUser, sshResource } from '@/test/factories';
import { consumeTicket } from './consume-ticket';
import { createSession } from './create-session';
import { getSession } from './get-session';
import { interruptStaleSessions } from './interrupt-stale-sessions';
import { issueSessionTicket } from './issue-ticket';
import { countSessions, listSessions } from './list-sessions';
import { startSession } from './start-session';

const ticketOf = (wsUrl: string) => new URL(wsUrl).searchParams.get('ticket') ?? '';

describeEachDriver('sessions', () => {
  it('creates a session with a single-use socket ticket on the public URL', async () => {
    setTestEnv({ PORTHOLE_PUBLIC_URL: 'https://porthole.example.com' });
    const { actor } = await makeUser();
    const resource = await makeResource(sshResource());
    const created = await createSession({ actor, input: { resourceId: resource.id }, clientIp: '10.1.2.3' });
    expect(created.wsUrl).toMatch(new RegExp(`^wss://porthole\\.example\\.com/ws/sessions/${created.id}\\?ticket=[\\w-]{43}$`));
    expect(created.expiresIn).toBe(30);
    expect(await getSession({ actor, sessionId: created.id })).toMatchObject({
      status: 'pending',
      resourceId: resource.id,
      resourceName: resource.name,
      userId: actor.id,
      clientIp: '10.1.2.3',
    });

    const ticket = await consumeTicket(ticketOf(created.wsUrl));
    expect(ticket).toMatchObject({ sessionId: created.id, userId: actor.id, via: 'session' });
    expect(await consumeTicket(ticketOf(created.wsUrl))).toBeUndefined();
  });

  it('consumes a ticket once even when many sockets race for it', async () => {
    const { actor } = await makeUser();
    const resource = await makeResource(sshResource());
    const { wsUrl } = await createSession({ actor, input: { resourceId: resource.id } });
    const results = await Promise.all(Array.from({ length: 8 }, () => consumeTicket(ticketOf(wsUrl))));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('refuses resources the user may not open now', async () => {
    const { actor } = await makeUser();
    const approval = await makeResource(sshResource({ accessMode: 'approval' }));
    await expect(createSession({ actor, input: { resourceId: approval.id } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      userMessage: expect.stringMatching(/approved access request/),
    });
    const adminsOnly = await makeResource(sshResource({ allowedRoles: ['admin'] }));
    await expect(createSession({ actor, input: { resourceId: adminsOnly.id } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createSession({ actor, input: { resourceId: '6d3b1f0e-0000-4000-8000-000000000000' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createSession({ actor, input: { resourceId: 'nope' } })).rejects.toMatchObject({ name: 'ZodError' });
    expect(await db().select().from(sessions)).toEqual([]);
  });

  it('shows a session to its owner, admins and auditors only', async () => {
    const owner = await makeUser();
    const other = await makeUser();
    const auditor = await makeUser({ roles: ['auditor'] });
    const admin = await makeUser({ roles: ['admin'] });
    const resource = await makeResource(sshResource());
    const mine = await createSession({ actor: owner.actor, input: { resourceId: resource.id } });
    const theirs = await createSession({ actor: other.actor, input: { resourceId: resource.id } });

    expect((await listSessions({ actor: owner.actor })).map((s) => s.id)).toEqual([mine.id]);
    expect((await listSessions({ actor: owner.actor, query: { userId: other.user.id } })).map((s) => s.id)).toEqual([mine.id]);
    expect((await listSessions({ actor: auditor.actor })).map((s) => s.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect((await listSessions({ actor: admin.actor, query: { userId: other.user.id } })).map((s) => s.id)).toEqual([theirs.id]);
    expect((await listSessions({ actor: admin.actor, query: { status: 'ended' } })).length).toBe(0);

    await expect(getSession({ actor: other.actor, sessionId: mine.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await getSession({ actor: auditor.actor, sessionId: mine.id })).userEmail).toBe(owner.user.email);
  });

  it('pages through older sessions, each once, and counts what the same filters list', async () => {
    const owner = await makeUser();
    const other = await makeUser();
    const auditor = await makeUser({ roles: ['auditor'] });
    const resource = await makeResource(sshResource());
    const created: string[] = [];
    for (let i = 0; i < 5; i += 1) created.push((await createSession({ actor: owner.actor, input: { resourceId: resource.id } })).id);
    await createSession({ actor: other.actor, input: { resourceId: resource.id } });
    const newestFirst = [...created].reverse();

    const pages = await Promise.all([1, 2, 3].map((page) => listSessions({ actor: owner.actor, query: { limit: 2, page } })));
    expect(pages.map((page) => page.map((s) => s.id))).toEqual([newestFirst.slice(0, 2), newestFirst.slice(2, 4), newestFirst.slice(4)]);
    expect(await listSessions({ actor: owner.actor, query: { limit: 2, page: 4 } })).toEqual([]);
    expect(await countSessions({ actor: owner.actor, query: { limit: 2, page: 3 } })).toBe(5);
    // The count sees what the list sees: an engineer's own, everyone's for an auditor, narrowed by the filters.
    expect(await countSessions({ actor: auditor.actor })).toBe(6);
    expect(await countSessions({ actor: auditor.actor, query: { userId: other.user.id } })).toBe(1);
    expect(await countSessions({ actor: owner.actor, query: { status: 'ended' } })).toBe(0);
    // A GET form sends a select left on "Any …" as an empty value: no filter.
    expect(await countSessions({ actor: auditor.actor, query: { status: '', resourceId: '', userId: '' } })).toBe(6);
    await expect(listSessions({ actor: owner.actor, query: { page: 0 } })).rejects.toMatchObject({ name: 'ZodError' });
    await expect(listSessions({ actor: owner.actor, query: { page: 'two' } })).rejects.toMatchObject({ name: 'ZodError' });
  });

  it("tells whether a session has a recording to replay, and the recording's state", async () => {
    const owner = await makeUser();
    const resource = await makeResource(sshResource());
    const session = await createSession({ actor: owner.actor, input: { resourceId: resource.id } });
    const recordingOf = async () => ({
      listed: (await listSessions({ actor: owner.actor }))[0]!.recordingStatus,
      single: (await getSession({ actor: owner.actor, sessionId: session.id })).recordingStatus,
    });
    // Never connected: no recording, so no Replay link to a page that would 404.
    expect(await recordingOf()).toEqual({ listed: null, single: null });
    await db().insert(recordings).values({ id: session.id, userId: owner.user.id, store: 'file', formatVersion: 1, cols: 80, rows: 24, status: 'failed' });
    expect(await recordingOf()).toEqual({ listed: 'failed', single: 'failed' });
    // Purged under retention: the session row stays, the recording is gone.
    await db().delete(recordings).where(eq(recordings.id, session.id));
    expect(await recordingOf()).toEqual({ listed: null, single: null });
  });

  it('issues fresh tickets to the owner of a pending session only', async () => {
    const owner = await makeUser();
    const admin = await makeUser({ roles: ['admin'] });
    const resource = await makeResource(sshResource());
    const created = await createSession({ actor: owner.actor, input: { resourceId: resource.id } });

    const fresh = await issueSessionTicket({ actor: owner.actor, sessionId: created.id });
    expect(ticketOf(fresh.wsUrl)).not.toBe(ticketOf(created.wsUrl));
    await expect(issueSessionTicket({ actor: admin.actor, sessionId: created.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await db().update(resources).set({ accessMode: 'approval' }).where(eq(resources.id, resource.id));
    await expect(issueSessionTicket({ actor: owner.actor, sessionId: created.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await db().update(resources).set({ accessMode: 'open' }).where(eq(resources.id, resource.id));

    expect(await startSession({ sessionId: created.id, userId: owner.user.id })).toMatchObject({ status: 'active' });
    expect(await startSession({ sessionId: created.id, userId: owner.user.id })).toBeUndefined();
    await expect(issueSessionTicket({ actor: owner.actor, sessionId: created.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('marks sessions whose gateway stopped beating as interrupted', async () => {
    const { actor, user } = await makeUser();
    const resource = await makeResource(sshResource());
    const stale = await createSession({ actor, input: { resourceId: resource.id } });
    const alive = await createSession({ actor, input: { resourceId: resource.id } });
    await startSession({ sessionId: stale.id, userId: user.id });
    await startSession({ sessionId: alive.id, userId: user.id });
    await db()
      .update(sessions)
      .set({ heartbeatAt: sql`now() - interval '10 minutes'` })
      .where(eq(sessions.id, stale.id));

    expect(await interruptStaleSessions()).toBe(1);
    expect((await getSession({ actor, sessionId: stale.id })).status).toBe('interrupted');
    expect((await getSession({ actor, sessionId: alive.id })).status).toBe('active');
    // At start-up of the embedded database nothing else can be running: everything active goes.
    expect(await interruptStaleSessions({ staleAfterMs: 0 })).toBe(1);
  });
});

import fs from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { auditEvents, sessions } from '@/db/schema';
import { env } from '@/server/env';
import { getInsights } from '@/server/insights/get-insights';
import { confirmHostKey } from '@/server/resources/confirm-host-key';
import { updateResource } from '@/server/resources/update-resource';
import { createSession } from '@/server/sessions/create-session';
import { issueWatchTicket } from '@/server/sessions/issue-watch-ticket';
import { listSessions } from '@/server/sessions/list-sessions';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { actorOf, makeAdmin, makeResource, makeUser, sshResource } from '@/test/factories';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import { connectTerminal, type TerminalClient } from '@/test/harness/terminal-client';
import { listRecordings } from './list-recordings';
import { FileRecordingStore } from './stores/file-store';
import { recordingStore } from './stores/select-store';

const AWS_KEY = 'AKIARHUNWS7DR4ERD7TI';

let sshd: Sshd;
let gateway: TestGateway;
beforeAll(async () => {
  [sshd, gateway] = await Promise.all([startSshd(), startTestGateway()]);
}, 60_000);
afterAll(async () => {
  await Promise.all([sshd?.stop(), gateway?.close()]);
});

const opened: TerminalClient[] = [];
afterEach(async () => {
  for (const client of opened.splice(0)) client.ws.close();
  await gateway.idle();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await sleep(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const endedSession = (id: string) =>
  until(async () => {
    const [row] = await db().select().from(sessions).where(eq(sessions.id, id));
    return row?.status === 'ended' ? row : undefined;
  }, `session ${id} to end`);

const completeRecording = (id: string) =>
  until(async () => {
    const [row] = await db().select().from(recordings).where(eq(recordings.id, id));
    return row?.status === 'complete' ? row : undefined;
  }, `recording ${id} to complete`);

/** Rows in every table that belongs to a recording (chunks, frames, commands, index, search, …). */
async function recordingRowCounts(id: string): Promise<Record<string, number>> {
  // Both drivers answer execute() with { rows }; the union of their result types does not say so.
  const rows = async <T>(query: ReturnType<typeof sql>): Promise<T[]> => {
    const result: unknown = await db().execute(query);
    return (result as { rows: T[] }).rows;
  };
  const tables = await rows<{ table_name: string }>(
    sql`select table_name from information_schema.columns where column_name = 'recording_id' and table_schema = 'public' order by table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [count] = await rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table_name)} where recording_id = ${id}`);
    counts[table_name] = Number(count?.n ?? 0);
  }
  return counts;
}

describeEachDriver('what gets recorded', (driver) => {
  const store = driver === 'pglite' ? 'file' : 'postgres';
  beforeEach(() => setTestEnv({ PORTHOLE_RECORDING_STORE: store }));

  async function sshSandbox() {
    const admin = await makeAdmin();
    const resource = await makeResource(sshResource({ host: sshd.host, port: sshd.port, username: sshd.username, password: sshd.password }));
    await confirmHostKey({ actor: admin.actor, resourceId: resource.id, input: { fingerprint: sshd.hostKeyFingerprint } });
    const engineer = await makeUser({ name: 'Erin Engineer' });
    return { admin, resource, engineer };
  }

  async function runSession(
    actor: Awaited<ReturnType<typeof makeUser>>['actor'],
    resourceId: string,
    options: { origin?: string } = { origin: env().publicUrl },
  ) {
    const created = await createSession({ actor, input: { resourceId } });
    const term = await connectTerminal(`${gateway.localUrl(created.wsUrl)}&cols=100&rows=30`, options);
    opened.push(term);
    term.type(`echo key=${AWS_KEY} ready-$((40+2))\n`);
    await term.waitFor(/ready-42/);
    return { id: created.id, term };
  }

  it(`a session on a resource with recording off is relayed, masked and watchable, leaves its session row and audit events, and no recording [${store} store]`, async () => {
    const { admin, resource, engineer } = await sshSandbox();
    await updateResource({ actor: admin.actor, resourceId: resource.id, input: { recording: 'off' } });
    const { id, term } = await runSession(engineer.actor, resource.id);
    // Masking is independent of recording: the secret never reaches the screen.
    expect(term.output()).not.toContain(AWS_KEY);
    expect(term.output()).toMatch(/key=\[MASKED/);

    // Live watch is a live feature: it works without a recording.
    const auditor = await makeUser({ roles: ['auditor'] });
    const { wsUrl } = await issueWatchTicket({ actor: auditor.actor, sessionId: id });
    const watcher = await connectTerminal(gateway.localUrl(wsUrl), { origin: env().publicUrl, isAcking: false });
    opened.push(watcher);
    term.type('echo watched-$((6*7))\n');
    await watcher.waitFor(/watched-42/);

    term.type('exit\n');
    await term.closed;
    const session = await endedSession(id);
    expect(session).toMatchObject({ isRecorded: false, status: 'ended' });
    expect(session.bytesOut).toBeGreaterThan(0);
    await gateway.idle();

    expect(await db().select().from(recordings).where(eq(recordings.id, id))).toEqual([]);
    const counts = await recordingRowCounts(id);
    expect(Object.keys(counts).length).toBeGreaterThan(3);
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    const files = recordingStore();
    if (files instanceof FileRecordingStore) expect(fs.existsSync(files.dir(id))).toBe(false);

    const actions = (await db().select().from(auditEvents).where(eq(auditEvents.targetId, id))).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['session.create', 'session.start', 'session.end']));
    const [listed] = await listSessions({ actor: engineer.actor, query: { resourceId: resource.id } });
    expect(listed).toMatchObject({ id, isRecorded: false });

    // Turned on again, the next session is recorded.
    await updateResource({ actor: admin.actor, resourceId: resource.id, input: { recording: 'on' } });
    const next = await runSession(engineer.actor, resource.id);
    next.term.type('exit\n');
    await next.term.closed;
    expect(await completeRecording(next.id)).toMatchObject({ store });
    expect((await endedSession(next.id)).isRecorded).toBe(true);
  });

  it('only admins change the setting, and every change is audited with the old and new value', async () => {
    const { admin, resource } = await sshSandbox();
    const engineer = await makeUser();
    const auditor = await makeUser({ roles: ['auditor'] });
    for (const actor of [engineer.actor, auditor.actor]) {
      await expect(updateResource({ actor, resourceId: resource.id, input: { recording: 'off' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect((await updateResource({ actor: admin.actor, resourceId: resource.id, input: { recording: 'off' } })).recording).toBe('off');
    // Saving the form again without a change is not a second change.
    await updateResource({ actor: admin.actor, resourceId: resource.id, input: { recording: 'off', description: 'sandbox' } });
    await updateResource({ actor: admin.actor, resourceId: resource.id, input: { recording: 'on' } });
    const changes = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, resource.id), eq(auditEvents.action, 'resource.recording_change')))
      .orderBy(auditEvents.at);
    expect(changes.map((event) => [event.actorId, event.data.from, event.data.to])).toEqual([
      [admin.user.id, 'on', 'off'],
      [admin.user.id, 'off', 'on'],
    ]);
  });

  it('a session opened with an API-token ticket is automated; the recordings list and insights can leave it out', async () => {
    const { resource, engineer } = await sshSandbox();
    const byBrowser = await runSession(engineer.actor, resource.id);
    // A script: its ticket is minted through an API token and it sends no Origin.
    const byScript = await runSession(await actorOf(engineer.user.id, 'token'), resource.id, {});
    for (const { term } of [byBrowser, byScript]) {
      term.type('exit\n');
      await term.closed;
    }
    await Promise.all([completeRecording(byBrowser.id), completeRecording(byScript.id)]);
    expect((await endedSession(byScript.id)).isAutomated).toBe(true);
    expect((await endedSession(byBrowser.id)).isAutomated).toBe(false);

    const all = await listRecordings({ actor: engineer.actor, query: { resourceId: resource.id } });
    expect(new Map(all.recordings.map((r) => [r.id, r.isAutomated]))).toEqual(
      new Map([
        [byBrowser.id, false],
        [byScript.id, true],
      ]),
    );
    const people = await listRecordings({ actor: engineer.actor, query: { resourceId: resource.id, automated: 'false' } });
    expect(people.recordings.map((r) => r.id)).toEqual([byBrowser.id]);
    expect(people.total).toBe(1);

    const withScripts = await getInsights({ actor: engineer.actor, query: { period: 'week' } });
    const withoutScripts = await getInsights({ actor: engineer.actor, query: { period: 'week', automated: 'false' } });
    expect(withScripts.change.current.sessions).toBe(2);
    expect(withoutScripts.change.current.sessions).toBe(1);
  });
});

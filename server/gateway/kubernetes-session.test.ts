import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { db } from '@/db/client';
import { grants } from '@/db/access-schema';
import { recordings } from '@/db/recording-schema';
import { auditEvents, sessions } from '@/db/schema';
import { env } from '@/server/env';
import { approveRequest } from '@/server/access/approve-request';
import { createRequest } from '@/server/access/create-request';
import { startGrantEnforcement } from '@/server/access/enforce-grants';
import { expireGrants } from '@/server/access/expire-grants';
import { getRecording } from '@/server/recording/get-recording';
import { scheduleIndexing } from '@/server/recording/index-queue';
import { iterateEvents } from '@/server/recording/read-events';
import { searchRecordings } from '@/server/search/search-recordings';
import { createResource } from '@/server/resources/create-resource';
import type { CreateResourceInput } from '@/server/resources/resource-schemas';
import { updateResource } from '@/server/resources/update-resource';
import { createSession } from '@/server/sessions/create-session';
import { issueWatchTicket } from '@/server/sessions/issue-watch-ticket';
import { terminateSession } from '@/server/sessions/terminate-session';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { makeAdmin, makeResource, makeUser, sshResource } from '@/test/factories';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { startKubeHarness, type KubeHarness } from '@/test/harness/kube/start-kube-harness';
import { connectTerminal } from '@/test/harness/terminal-client';
import { CloseCode } from './protocol';

const PODS = [
  { namespace: 'web', name: 'web-0', labels: { app: 'web' }, containers: ['app', 'sidecar'] },
  { namespace: 'web', name: 'db-0', labels: { app: 'db' }, containers: ['postgres'] },
  { namespace: 'jobs', name: 'cron-1', labels: { app: 'web' }, containers: ['job'] },
];
const TARGET = { namespace: 'web', pod: 'web-0', container: 'app' };

let kube: KubeHarness;
let gateway: TestGateway;
beforeAll(async () => {
  [kube, gateway] = await Promise.all([startKubeHarness({ pods: PODS }), startTestGateway()]);
});
afterAll(async () => {
  await Promise.all([kube?.close(), gateway?.close()]);
});

const origin = () => env().publicUrl;

async function clusterResource(overrides: Partial<Extract<CreateResourceInput, { type: 'kubernetes' }>> = {}) {
  const admin = await makeAdmin();
  const input: CreateResourceInput = {
    type: 'kubernetes',
    name: `cluster-${Math.random().toString(36).slice(2, 8)}`,
    apiUrl: kube.url,
    tls: { mode: 'verify-full', ca: kube.caPem },
    token: kube.token,
    namespaces: ['web'],
    labelSelector: 'app=web',
    ...overrides,
  };
  return { admin, resource: await createResource({ actor: admin.actor, input }) };
}

async function waitFor<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${what} never happened`);
}

const endedRow = (id: string) =>
  waitFor(async () => {
    const [row] = await db().select().from(sessions).where(eq(sessions.id, id));
    return row?.status === 'ended' ? row : undefined;
  }, 'the session end');

async function recordedOutput(id: string): Promise<string> {
  const row = await waitFor(async () => {
    const [found] = await db().select().from(recordings).where(eq(recordings.id, id));
    return found?.status === 'complete' ? found : undefined;
  }, 'the recording');
  const chunks: Buffer[] = [];
  for await (const event of iterateEvents(row)) if (event.kind === 'o') chunks.push(event.data);
  return Buffer.concat(chunks).toString('utf8');
}

describeEachDriver('kubernetes sessions through the gateway', () => {
  afterEach(() => gateway.idle());

  it('refuses a session without a pod, or on a pod outside the scope', async () => {
    const { resource } = await clusterResource();
    const { actor } = await makeUser();
    const create = (target?: typeof TARGET) => createSession({ actor, input: { resourceId: resource.id, target } });
    await rejectsWith(create(), 'VALIDATION');
    expect((await rejectsWith(create({ ...TARGET, pod: 'db-0', container: 'postgres' }), 'FORBIDDEN')).userMessage).toMatch(/outside this resource's scope/);
    expect((await rejectsWith(create({ namespace: 'jobs', pod: 'cron-1', container: 'job' }), 'FORBIDDEN')).userMessage).toBe(
      "Namespace jobs is outside this resource's scope.",
    );
    await rejectsWith(create({ ...TARGET, container: 'nope' }), 'NOT_FOUND');
    await rejectsWith(create({ ...TARGET, pod: 'web-9' }), 'NOT_FOUND');
    await rejectsWith(create({ ...TARGET, pod: 'web-0/../db-0' }), 'VALIDATION');
    const ssh = await makeResource(sshResource({ name: 'plain-ssh' }));
    await rejectsWith(createSession({ actor, input: { resourceId: ssh.id, target: TARGET } }), 'BAD_REQUEST');
    expect(await db().select().from(sessions)).toEqual([]);
  });

  it('relays a pod shell: command, resize, a masked secret, exit status; recorded with its pod', async () => {
    const { resource } = await clusterResource();
    const { actor, user } = await makeUser();
    const created = await createSession({ actor, input: { resourceId: resource.id, target: TARGET } });
    const term = await connectTerminal(`${gateway.localUrl(created.wsUrl)}&cols=100&rows=30`, { origin: origin() });
    await term.waitForMessage('status');
    term.type('stty size; echo $((6*7))\n');
    await term.waitFor(/[\r\n]30 100\r\n42\r\n/);
    term.send({ type: 'resize', cols: 120, rows: 40 });
    term.type('stty size\n');
    await term.waitFor(/[\r\n]40 120\r\n/);
    term.type("printf 'key=AKIA%s\\n' IOSFODNN7EXAMPLE; echo done-$((40+2))\n");
    await term.waitFor(/done-42/);
    term.type('exit 3\n');
    expect(await term.waitForMessage('exit')).toEqual({ type: 'exit', reason: 'user_exit', message: 'The shell exited with code 3.', exitCode: 3 });
    expect((await term.closed).code).toBe(CloseCode.SessionEnded);
    expect(kube.execs.at(-1)).toMatchObject({ namespace: 'web', pod: 'web-0', container: 'app', tty: true, protocol: 'v5.channel.k8s.io' });

    const row = await endedRow(created.id);
    expect(row).toMatchObject({ userId: user.id, endReason: 'user_exit', resourceType: 'kubernetes', target: TARGET });
    const recorded = await recordedOutput(created.id);
    expect(recorded).toContain('done-42');
    expect(recorded).toContain('[MASKED:');
    expect(recorded).not.toContain('AKIAIOSFODNN7EXAMPLE');
    const [event] = await db().select().from(auditEvents).where(eq(auditEvents.action, 'session.create'));
    expect(event?.data).toMatchObject({ resourceId: resource.id, target: TARGET });
    // Indexed and searchable like an SSH session.
    await scheduleIndexing(created.id);
    const admin = await makeAdmin();
    const detail = await getRecording({ actor: admin.actor, recordingId: created.id });
    expect(detail.commands.map((c) => c.text)).toContain('stty size; echo $((6*7))');
    const found = await searchRecordings({ actor: admin.actor, query: { q: 'done-42', resourceType: 'kubernetes' } });
    expect(JSON.stringify(found)).toContain(created.id);
    expect(JSON.stringify(found)).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('checks the pod again as it connects: a pod that left the scope is not opened', async () => {
    const { admin, resource } = await clusterResource();
    const { actor } = await makeUser();
    const created = await createSession({ actor, input: { resourceId: resource.id, target: TARGET } });
    await updateResource({ actor: admin.actor, resourceId: resource.id, input: { labelSelector: 'app=db' } });
    const execs = kube.execs.length;
    const term = await connectTerminal(gateway.localUrl(created.wsUrl), { origin: origin() });
    const error = await term.waitForMessage('error');
    expect(error.message).toMatch(/outside this resource's scope/);
    await term.closed;
    expect(kube.execs.length).toBe(execs);
  });

  it('an auditor watches a pod shell live and terminates it', async () => {
    const { resource } = await clusterResource();
    const engineer = await makeUser();
    const auditor = await makeUser({ roles: ['auditor'] });
    const created = await createSession({ actor: engineer.actor, input: { resourceId: resource.id, target: TARGET } });
    const term = await connectTerminal(gateway.localUrl(created.wsUrl), { origin: origin() });
    term.type('echo ready-$((40+2))\n');
    await term.waitFor(/ready-42/);
    const { wsUrl } = await issueWatchTicket({ actor: auditor.actor, sessionId: created.id });
    const watcher = await connectTerminal(gateway.localUrl(wsUrl), { origin: origin(), isAcking: false });
    await watcher.waitForMessage('screen');
    term.type('echo watched-$((6*7))\n');
    await watcher.waitFor(/watched-42/);
    await terminateSession({ actor: auditor.actor, sessionId: created.id, input: { reason: 'checking the pod' } });
    expect(await term.waitForMessage('exit')).toMatchObject({ reason: 'terminated' });
    expect(await endedRow(created.id)).toMatchObject({ endReason: 'terminated' });
    await watcher.closed;
    await recordedOutput(created.id);
  });

  it('ends the pod shell when the grant expires', async () => {
    const { resource } = await clusterResource({ accessMode: 'approval' });
    const engineer = await makeUser();
    const approver = await makeUser({ roles: ['approver'] });
    const request = await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, durationMinutes: 30, reason: 'k8s' } });
    const { grantId = '' } = await approveRequest({ actor: approver.actor, requestId: request.id });
    const created = await createSession({ actor: engineer.actor, input: { resourceId: resource.id, target: TARGET } });
    const term = await connectTerminal(gateway.localUrl(created.wsUrl), { origin: origin() });
    term.type('echo granted-$((40+2))\n');
    await term.waitFor(/granted-42/);
    // As the jobs run it: expiry publishes the end, enforcement ends the live session.
    const stopEnforcement = startGrantEnforcement();
    try {
      await db()
        .update(grants)
        .set({ expiresAt: sql`now() - interval '1 second'` })
        .where(eq(grants.id, grantId));
      await expireGrants();
      expect(await term.waitForMessage('exit')).toMatchObject({ reason: 'grant_expired' });
      expect(await endedRow(created.id)).toMatchObject({ endReason: 'grant_expired' });
      expect(await recordedOutput(created.id)).toContain('granted-42');
    } finally {
      stopEnforcement();
    }
  });
});

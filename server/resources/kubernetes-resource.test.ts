import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, resources } from '@/db/schema';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { makeAdmin, makeUser } from '@/test/factories';
import { startKubeHarness, type KubeHarness, type KubePod } from '@/test/harness/kube/start-kube-harness';
import { listKubernetesNamespaces } from '../sessions/list-kubernetes-namespaces';
import { listKubernetesPods } from '../sessions/list-kubernetes-pods';
import { createResource } from './create-resource';
import { requireResource } from './find-resource';
import { getKubernetesAccess } from './kubernetes-get-access';
import { openCredentials } from './resource-credentials';
import { resourceView, type CreateResourceInput } from './resource-schemas';
import { updateResource } from './update-resource';

const PODS: KubePod[] = [
  { namespace: 'web', name: 'web-0', labels: { app: 'web', tier: 'front' }, containers: ['app', 'sidecar'] },
  { namespace: 'web', name: 'web-canary', labels: { app: 'web', canary: 'true' }, containers: ['app'] },
  { namespace: 'web', name: 'db-0', labels: { app: 'db' }, containers: ['postgres'] },
  { namespace: 'jobs', name: 'cron-1', labels: { app: 'cron' }, containers: ['job'] },
];

let kube: KubeHarness;
/** Another cluster: its CA did not sign the first one's certificate. */
let other: KubeHarness;
/** A token whose role covers only the `web` namespace. */
let webOnly: KubeHarness;
beforeAll(async () => {
  [kube, other, webOnly] = await Promise.all([
    startKubeHarness({ pods: PODS }),
    startKubeHarness({ pods: PODS }),
    startKubeHarness({ pods: PODS, allowed: { namespaces: ['web'] } }),
  ]);
});
afterAll(async () => {
  await Promise.all([kube?.close(), other?.close(), webOnly?.close()]);
});

function kubeInput(overrides: Partial<Extract<CreateResourceInput, { type: 'kubernetes' }>> = {}, harness = kube): CreateResourceInput {
  return {
    type: 'kubernetes',
    name: `cluster-${Math.random().toString(36).slice(2, 8)}`,
    apiUrl: harness.url,
    tls: { mode: 'verify-full', ca: harness.caPem },
    token: harness.token,
    namespaces: ['web'],
    labelSelector: 'app=web,!canary',
    ...overrides,
  };
}

describeEachDriver('kubernetes resources', () => {
  it('saves a token the cluster accepts, encrypted, and never shows it', async () => {
    const { actor } = await makeAdmin();
    const view = await createResource({ actor, input: kubeInput({ name: 'prod-cluster' }) });
    const port = Number(new URL(kube.url).port);
    expect(view).toMatchObject({ type: 'kubernetes', host: '127.0.0.1', port, hasToken: true, hasPassword: false, tlsMode: 'verify-full' });
    expect(view.kubernetes).toEqual({ apiUrl: kube.url, namespaces: ['web'], labelSelector: 'app=web,!canary' });
    expect(resourceView.strict().safeParse(view).success).toBe(true);
    expect(JSON.stringify(view)).not.toContain(kube.token);
    const row = await requireResource(view.id);
    expect(row.credentials).not.toContain(kube.token);
    expect(openCredentials(row.id, row.credentials)).toEqual({ token: kube.token });
    const events = await db().select().from(auditEvents).where(eq(auditEvents.targetId, view.id));
    expect(JSON.stringify(events)).not.toContain(kube.token);
  });

  it('refuses a token the cluster rejects, a CA that does not verify, and a token short of exec in the scope', async () => {
    const { actor } = await makeAdmin();
    const rejected = await rejectsWith(createResource({ actor, input: kubeInput({ token: 'not-the-token' }) }), 'VALIDATION');
    expect(rejected.userMessage).toMatch(/rejected the stored token \(401\)/);
    expect(rejected.fields).toHaveProperty('token');

    const wrongCa = await rejectsWith(createResource({ actor, input: kubeInput({ tls: { mode: 'verify-full', ca: other.caPem } }) }), 'VALIDATION');
    expect(wrongCa.userMessage).toMatch(/does not verify against the resource's CA/);
    expect(wrongCa.fields).toHaveProperty(['tls.ca']);

    const outside = await rejectsWith(createResource({ actor, input: kubeInput({ namespaces: ['web', 'jobs'] }, webOnly) }), 'VALIDATION');
    expect(outside.userMessage).toBe('The token may not list pods in namespace jobs: grant it to the service account, or narrow the namespaces.');
    await rejectsWith(createResource({ actor, input: kubeInput({ apiUrl: kube.url.replace('https', 'http') }) }), 'VALIDATION');
    await rejectsWith(createResource({ actor, input: kubeInput({ labelSelector: 'app in (web' }) }), 'VALIDATION');
    await rejectsWith(createResource({ actor, input: kubeInput({ namespaces: ['Web_1'] }) }), 'VALIDATION');
    expect(await db().select().from(resources)).toEqual([]);
  });

  it('re-checks on update, and a new API server URL needs the token again', async () => {
    const { actor } = await makeAdmin();
    const view = await createResource({ actor, input: kubeInput({}, webOnly) });
    const widened = await rejectsWith(updateResource({ actor, resourceId: view.id, input: { namespaces: ['jobs'] } }), 'VALIDATION');
    expect(widened.userMessage).toMatch(/may not list pods in namespace jobs/);
    const moved = await rejectsWith(updateResource({ actor, resourceId: view.id, input: { apiUrl: kube.url, tls: { ca: kube.caPem } } }), 'VALIDATION');
    expect(moved.fields).toHaveProperty('token');
    const updated = await updateResource({
      actor,
      resourceId: view.id,
      input: { apiUrl: kube.url, tls: { ca: kube.caPem }, token: kube.token, labelSelector: 'app' },
    });
    expect(updated).toMatchObject({ port: Number(new URL(kube.url).port), hasToken: true, kubernetes: { apiUrl: kube.url, labelSelector: 'app' } });
    const row = await requireResource(view.id);
    expect(openCredentials(row.id, row.credentials).token).toBe(kube.token);
  });

  it('renames and tightens access while the cluster is down, but re-checks a new scope', async () => {
    const doomed = await startKubeHarness({ pods: PODS });
    const { actor } = await makeAdmin();
    const view = await createResource({ actor, input: kubeInput({}, doomed) });
    await doomed.close();
    const updated = await updateResource({ actor, resourceId: view.id, input: { name: 'renamed-cluster', accessMode: 'approval', labelSelector: 'app=db' } });
    expect(updated).toMatchObject({ name: 'renamed-cluster', accessMode: 'approval', kubernetes: { labelSelector: 'app=db' } });
    const unreachable = await rejectsWith(updateResource({ actor, resourceId: view.id, input: { namespaces: ['web', 'jobs'] } }), 'VALIDATION');
    expect(unreachable.userMessage).toMatch(/Connection refused/);
  });

  it('shows admins what the token may do in the scope', async () => {
    const { actor } = await makeAdmin();
    const view = await createResource({ actor, input: kubeInput({}, webOnly) });
    const access = await getKubernetesAccess({ actor, resourceId: view.id });
    expect(access.namespaces).toEqual([{ name: 'web', canList: true, canExec: true }]);
    expect(access.rules.some((rule) => rule.resources.includes('pods/exec') && rule.verbs.includes('create'))).toBe(true);
    expect(Date.parse(access.checkedAt)).toBeGreaterThan(Date.now() - 60_000);
    const { actor: engineer } = await makeUser();
    await rejectsWith(getKubernetesAccess({ actor: engineer, resourceId: view.id }), 'FORBIDDEN');
  });

  it('lists namespaces and pods inside the scope only', async () => {
    const { actor: admin } = await makeAdmin();
    const scoped = await createResource({ actor: admin, input: kubeInput() });
    const everything = await createResource({ actor: admin, input: kubeInput({ namespaces: [], labelSelector: '' }) });
    const { actor } = await makeUser();
    expect(await listKubernetesNamespaces({ actor, resourceId: scoped.id })).toEqual({ namespaces: ['web'] });
    expect((await listKubernetesNamespaces({ actor, resourceId: everything.id })).namespaces).toEqual(expect.arrayContaining(['jobs', 'web']));
    expect(await listKubernetesPods({ actor, resourceId: scoped.id, query: { namespace: 'web' } })).toEqual({
      pods: [{ name: 'web-0', phase: 'Running', containers: ['app', 'sidecar'] }],
    });
    await rejectsWith(listKubernetesPods({ actor, resourceId: scoped.id, query: { namespace: 'jobs' } }), 'FORBIDDEN');
    await rejectsWith(listKubernetesPods({ actor, resourceId: scoped.id, query: { namespace: '../x' } }), 'VALIDATION');
    expect((await listKubernetesPods({ actor, resourceId: everything.id, query: { namespace: 'jobs' } })).pods.map((p) => p.name)).toEqual(['cron-1']);
    // Who may not open a session may not list either.
    const approversOnly = await createResource({ actor: admin, input: { ...kubeInput(), allowedRoles: ['approver'] } });
    await rejectsWith(listKubernetesNamespaces({ actor, resourceId: approversOnly.id }), 'FORBIDDEN');
    await rejectsWith(listKubernetesPods({ actor, resourceId: approversOnly.id, query: { namespace: 'web' } }), 'FORBIDDEN');
  });
});

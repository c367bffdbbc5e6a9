import { startKubeHarness, type KubeHarness } from '../test/harness/kube/start-kube-harness';
import { expect, fromPorthole, test } from './fixtures';
import { ReplayPage } from './pages/ReplayPage';
import { TerminalPage } from './pages/TerminalPage';
import { expectAccessible } from './support/axe';
import { shootPage } from './support/screenshots';

/**
 * A pod shell end to end: an admin adds the cluster through the form (Porthole asks the
 * harness's API server what the token may do), an engineer picks namespace → pod → container
 * from the catalogue, runs a command in the PTY behind the harness's exec, and replays it.
 */

let kube: KubeHarness;

test.beforeAll(async () => {
  kube = await startKubeHarness({
    pods: [
      { namespace: 'web', name: 'api-0', labels: { app: 'api' }, containers: ['app', 'sidecar'] },
      { namespace: 'web', name: 'api-1', labels: { app: 'api' }, containers: ['app'], phase: 'Pending' },
      // Outside the resource's label selector: never listed.
      { namespace: 'web', name: 'db-0', labels: { app: 'db' }, containers: ['postgres'] },
      { namespace: 'jobs', name: 'cron-0', labels: { app: 'api' }, containers: ['job'] },
    ],
    // The token may list and exec in web and tools only: a scope with jobs is refused on save.
    allowed: { namespaces: ['web', 'tools'] },
  });
});

test.afterAll(async () => {
  await kube?.close();
});

test('an admin adds a cluster through the form; an engineer opens a pod shell from the catalogue and replays it', async ({ admin, seed, loginAs, unique }) => {
  test.setTimeout(180_000);
  const name = unique('kube');
  let resourceId = '';

  await test.step('the form asks for the cluster, not a host or user, and shows the token check inline', async () => {
    await admin.goto('/admin/resources/new');
    await admin.getByLabel('Type', { exact: true }).selectOption('kubernetes');
    await expect(admin.getByLabel('Host', { exact: true })).toHaveCount(0);
    await expect(admin.getByLabel('Username', { exact: true })).toHaveCount(0);
    await admin.getByLabel('Name', { exact: true }).fill(name);
    await admin.getByLabel('API server URL').fill(kube.url);
    await admin.getByLabel('CA certificate').fill(kube.caPem);
    await admin.getByLabel('Service-account token').fill(kube.token);
    await admin.getByLabel('Namespaces').fill('web, jobs');
    await admin.getByLabel('Label selector').fill('app=api');
    await admin.getByLabel('Access mode').selectOption('open');
    await shootPage(admin, 'kubernetes-form', { fullPage: true });
    await expectAccessible(admin, 'the Kubernetes resource form');
    await admin.getByRole('button', { name: 'Create resource' }).click();
    // The cluster says the token may not act in jobs: the message sits by the token field.
    await expect(
      admin
        .getByRole('alert')
        .filter({ hasText: /namespace jobs/ })
        .first(),
    ).toBeVisible();
    await expect(admin).toHaveURL(/\/admin\/resources\/new$/);
  });

  await test.step('narrowed to what the token may do, it saves and shows the token check', async () => {
    await admin.getByLabel('Namespaces').fill('web, tools');
    await admin.getByRole('button', { name: 'Create resource' }).click();
    await expect(admin).toHaveURL(/\/admin\/resources\/[0-9a-f-]{36}\?created=1$/);
    resourceId = /resources\/([0-9a-f-]{36})/.exec(admin.url())![1]!;
    const panel = admin.getByTestId('kube-access');
    await expect(panel).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
    const table = panel.getByRole('table', { name: 'Token permissions by namespace' });
    await expect(table.getByRole('row')).toHaveCount(3);
    await expect(table.getByRole('row', { name: /web/ })).toContainText('allowed');
    await expect(admin.getByLabel('Service-account token')).toHaveValue('');
    await shootPage(admin, 'kubernetes-access');
    await expectAccessible(admin, 'the admin page of a cluster, with its token check');
  });

  const engineer = await loginAs(await seed.user({ roles: ['engineer'] }));
  const terminal = new TerminalPage(engineer);

  await test.step('from the catalogue, namespace → pod → container; an empty namespace says so', async () => {
    await engineer.goto(`/resources?q=${encodeURIComponent(name)}`);
    const card = engineer.getByRole('link', { name: new RegExp(name) });
    await expect(card).toContainText('Open shell');
    await card.click();
    await expect(engineer).toHaveURL(new RegExp(`/resources/${resourceId}$`));
    const picker = engineer.getByTestId('pod-picker');
    const openShell = picker.getByRole('button', { name: 'Open shell' });
    await picker.getByLabel('Namespace').selectOption('tools');
    await expect(picker).toHaveAttribute('data-status', 'empty');
    await expect(picker.getByRole('status')).toHaveText("No pods in tools match the resource's scope.");
    await expect(openShell).toBeDisabled();

    await picker.getByLabel('Namespace').selectOption('web');
    await expect(picker).toHaveAttribute('data-status', 'ready');
    const pods = picker.getByLabel('Pod').locator('option:not([value=""])');
    await expect(pods).toHaveText(['api-0 · Running', 'api-1 · Pending']);
    await expect(pods.filter({ hasText: 'api-1' })).toBeDisabled();
    // The only running pod is chosen for the engineer; its two containers are not.
    await expect(picker.getByLabel('Pod')).toHaveValue('api-0');
    await expect(openShell).toBeDisabled();
    await picker.getByLabel('Container').selectOption('sidecar');
    await expect(openShell).toBeEnabled();
    await shootPage(engineer, 'kubernetes-picker');
    await expectAccessible(engineer, 'the pod picker');
    await openShell.click();
    await expect(engineer).toHaveURL(/\/terminal\/[0-9a-f-]{36}$/);
  });

  const sessionId = engineer.url().split('/').pop()!;

  await test.step('the shell runs in the chosen container, and the bar says which', async () => {
    await terminal.expectStatus('connected', 30_000);
    await expect(engineer.getByRole('banner')).toContainText('web/api-0 · sidecar');
    await expect(engineer).toHaveTitle(/web\/api-0 · sidecar/);
    await terminal.run('echo k8s-$((6*7))');
    await terminal.waitForLine(/^k8s-42$/, 20_000);
    await shootPage(engineer, 'kubernetes-terminal');
    await expectAccessible(engineer, 'a pod shell');
    await terminal.run('exit');
    await terminal.expectStatus('closed', 30_000);
    expect(kube.execs.at(-1)).toMatchObject({ namespace: 'web', pod: 'api-0', container: 'sidecar' });
  });

  await test.step('the sessions and recordings lists show the pod', async () => {
    await engineer.goto('/sessions');
    const sessionRow = engineer.getByRole('table', { name: 'Sessions' }).getByRole('row').filter({ hasText: name });
    await expect(sessionRow).toContainText('web/api-0 · sidecar');
    await shootPage(engineer, 'kubernetes-sessions');
    await expect
      .poll(async () => ((await (await engineer.request.get(`/api/v1/recordings/${sessionId}`)).json()) as { status: string }).status, { timeout: 30_000 })
      .toBe('complete');
    await engineer.goto('/recordings');
    const row = engineer.locator(`[data-recording-id="${sessionId}"]`);
    await expect(row).toContainText('web/api-0 · sidecar');
  });

  await test.step('the replay shows the pod and plays the output back', async () => {
    const replay = new ReplayPage(engineer);
    await replay.open(sessionId);
    await expect(engineer.getByRole('main').getByText('web/api-0 · sidecar').first()).toBeVisible();
    await replay.expectStatus('paused');
    await replay.playButton.click();
    await expect(replay.screen).toContainText('k8s-42', { timeout: 30_000 });
  });

  await test.step('a snippet saved on the cluster opens the pod picker, not a session without a pod', async () => {
    const saved = await engineer.request.post('/api/v1/snippets', {
      headers: fromPorthole(),
      data: { title: 'who am I in the pod', body: 'id -un', kind: 'command', notes: '', resourceId },
    });
    expect(saved.status()).toBe(201);
    await engineer.goto('/snippets');
    await expect(engineer.getByRole('link', { name: `Pick a pod on ${name}` })).toHaveAttribute('href', `/resources/${resourceId}`);
  });

  await test.step('an edit with the token left empty keeps it, and says nothing is missing', async () => {
    await admin.goto(`/admin/resources/${resourceId}`);
    await expect(admin.getByLabel('Namespaces')).toHaveValue('web, tools');
    await expect(admin.getByLabel('Label selector')).toHaveValue('app=api');
    await admin.getByLabel('Description').fill('The API pods');
    await admin.getByRole('button', { name: 'Save changes' }).click();
    await expect(admin.getByText('Changes saved.', { exact: true })).toBeVisible({ timeout: 20_000 });
  });
});

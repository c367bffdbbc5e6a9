import { startSshd, type Sshd } from '../test/harness/sshd';
import { connectTerminal } from '../test/harness/terminal-client';
import { expect, fromPorthole, test } from './fixtures';
import { createSshResource, type SshResource } from './ssh-target';

/** Retention and legal holds, as an auditor, an admin and the recording's owner see them. */

let sshd: Sshd;
let resource: SshResource;

test.beforeAll(async ({ adminApi }, testInfo) => {
  sshd = await startSshd();
  resource = await createSshResource(adminApi, sshd, `retention-${testInfo.workerIndex}-${Date.now().toString(36)}`);
});

test.afterAll(async ({ adminApi }) => {
  // The settings are the installation's: leave them as other specs expect them.
  await adminApi.put('/api/v1/retention', { data: { defaultDays: 0, ownersMayDelete: false } });
  await sshd?.stop();
});

test('an auditor holds a recording, the owner cannot delete it until the hold is lifted, then can', async ({ seed, loginAs, admin, harness }) => {
  test.setTimeout(120_000);
  const engineer = await seed.user({ roles: ['engineer'] });
  const auditor = await seed.user({ roles: ['auditor'] });
  const owner = await loginAs(engineer);

  const id = await test.step('the engineer records a short session', async () => {
    const created = await owner.request.post('/api/v1/sessions', { headers: fromPorthole(), data: { resourceId: resource.id } });
    expect(created.status()).toBe(201);
    const { id, wsUrl } = (await created.json()) as { id: string; wsUrl: string };
    const term = await connectTerminal(`${wsUrl}&cols=100&rows=30`, { origin: harness.baseURL });
    await term.waitFor(/\$ $/);
    term.type('echo kept-for-review\r');
    await term.waitFor(/kept-for-review\r\n/);
    term.type('exit\r');
    await term.closed;
    await expect.poll(async () => ((await (await owner.request.get(`/api/v1/recordings/${id}`)).json()) as { status: string }).status).toBe('complete');
    return id;
  });

  const watcher = await loginAs(auditor);
  await test.step('the auditor places a hold on it from the replay page', async () => {
    await watcher.goto(`/recordings/${id}`);
    await expect(watcher.getByTestId('retention-line')).toHaveText('Kept forever.');
    await watcher.getByText('Place a legal hold on this recording').click();
    await watcher.getByLabel('Reason').fill('Incident 2026-114: review the deploy');
    await watcher.getByRole('button', { name: 'Place legal hold' }).click();
    await expect(watcher.getByTestId('retention-line')).toHaveText('On legal hold: kept until the hold is lifted.');
    await expect(watcher.getByText('Hold on this recording: Incident 2026-114: review the deploy')).toBeVisible();
  });

  await test.step('the admin sets 30 days and lets owners delete; the hold is listed', async () => {
    await admin.goto('/admin/retention');
    await admin.getByLabel('Keep recordings for (days)').fill('30');
    await admin.getByLabel('Engineers may delete their own recordings').check();
    await admin.getByRole('button', { name: 'Save retention' }).click();
    await expect(admin.getByText('Retention saved.')).toBeVisible();
    await expect(admin.getByRole('table', { name: 'Active legal holds' }).getByText('Incident 2026-114: review the deploy')).toBeVisible();
  });

  await test.step('the owner sees the hold and cannot delete', async () => {
    await owner.goto(`/recordings/${id}`);
    await expect(owner.getByTestId('retention-line')).toHaveText('On legal hold: kept until the hold is lifted, and you cannot delete it until then.');
    await expect(owner.getByRole('button', { name: 'Delete recording' })).toHaveCount(0);
    // Not why, nor by whom: that could tip off the person a hold is about.
    await expect(owner.getByText('Incident 2026-114')).toHaveCount(0);
    await expect(owner.getByText('Placed by')).toHaveCount(0);
    const refused = await owner.request.delete(`/api/v1/recordings/${id}`, { headers: fromPorthole() });
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('legal hold');
  });

  await test.step('the auditor lifts it with a reason', async () => {
    await watcher.goto(`/recordings/${id}`);
    await watcher.getByLabel('Reason to lift').fill('Review finished');
    await watcher.getByRole('button', { name: 'Lift hold' }).click();
    await expect(watcher.getByTestId('retention-line')).toContainText('after 30 days (the default retention)');
  });

  await test.step('now the owner deletes it', async () => {
    await owner.goto(`/recordings/${id}`);
    await owner.getByRole('button', { name: 'Delete recording' }).click();
    await owner.getByRole('dialog').getByRole('button', { name: 'Delete recording' }).click();
    await expect(owner).toHaveURL(/\/recordings\?deleted=1$/);
    await expect(owner.getByRole('status').filter({ hasText: 'Recording deleted.' })).toBeVisible();
    expect((await owner.request.get(`/api/v1/recordings/${id}`)).status()).toBe(404);
  });
});

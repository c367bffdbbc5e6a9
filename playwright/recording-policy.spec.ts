import { startSshd, type Sshd } from '../test/harness/sshd';
import { expect, test } from './fixtures';
import { shootPage } from './support/screenshots';
import { TerminalPage } from './pages/TerminalPage';
import { createSshResource, type SshResource } from './ssh-target';

/** Recording off for a low-risk resource: the admin turns it off, the engineer is told before connecting. */

let sshd: Sshd;
let resource: SshResource;

test.beforeAll(async ({ adminApi }, testInfo) => {
  sshd = await startSshd();
  resource = await createSshResource(adminApi, sshd, `sandbox-${testInfo.workerIndex}-${Date.now().toString(36)}`);
});

test.afterAll(async () => {
  await sshd?.stop();
});

test('an admin turns recording off; the engineer sees "Not recorded" before connecting, and the session has no replay', async ({ admin, seed, loginAs }) => {
  test.setTimeout(120_000);

  await test.step('the admin turns recording off on the resource form', async () => {
    await admin.goto(`/admin/resources/${resource.id}`);
    await admin.getByLabel('Record sessions').selectOption('off');
    await admin.getByRole('button', { name: 'Save changes' }).click();
    await expect(admin.getByText('Changes saved.')).toBeVisible();
  });

  const engineer = await seed.user({ roles: ['engineer'] });
  const page = await loginAs(engineer);
  await page.setViewportSize({ width: 1440, height: 900 });

  await test.step('the catalogue card and the resource page say so before connecting', async () => {
    await page.goto(`/resources?q=${encodeURIComponent(resource.name)}`);
    await expect(page.getByRole('link', { name: new RegExp(resource.name) }).getByText('Not recorded')).toBeVisible();
    await page.goto(`/resources/${resource.id}`);
    await expect(page.getByTestId('not-recorded-notice')).toContainText('Not recorded.');
    await shootPage(page, 'resource-not-recorded');
  });

  const terminal = new TerminalPage(page);
  await test.step('the terminal says "Not recorded" from the moment it opens', async () => {
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect(page).toHaveURL(/\/terminal\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('not-recorded-notice')).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Not recorded');
    await terminal.expectStatus('connected');
    await shootPage(page, 'terminal-not-recorded');
    await terminal.run('exit');
    await terminal.expectStatus('closed');
    await expect(page.getByRole('link', { name: /recording/ })).toHaveCount(0);
  });

  await test.step('the session list shows it as not recorded, without a replay link', async () => {
    await page.goto('/sessions');
    const row = page.getByRole('row').filter({ hasText: resource.name });
    await expect(row).toHaveCount(1);
    await expect(row.getByText('Not recorded')).toBeVisible();
    await expect(row.getByRole('link', { name: /Replay/ })).toHaveCount(0);
    await shootPage(page, 'sessions-not-recorded');
  });
});

import { startSshd, type Sshd } from '../test/harness/sshd';
import { expect, test } from './fixtures';
import { TerminalPage } from './pages/TerminalPage';
import { createSshResource, type SshResource } from './ssh-target';
import { shootPage } from './support/screenshots';

/** A resource's own idle limit: the admin sets it, the engineer is told, warned, may stay, and is ended. */

let sshd: Sshd;
let resource: SshResource;

test.beforeAll(async ({ adminApi }, testInfo) => {
  sshd = await startSshd();
  resource = await createSshResource(adminApi, sshd, `idle-${testInfo.workerIndex}-${Date.now().toString(36)}`);
});

test.afterAll(async () => {
  await sshd?.stop();
});

test('an idle limit on the resource: the engineer is warned, "Stay connected" keeps the session, and without input it ends', async ({
  admin,
  seed,
  loginAs,
}) => {
  test.setTimeout(90_000);

  // 12 s: the warning comes at 6 s and leaves time for a screenshot before Stay connected.
  await test.step('the admin gives the resource a limit of 12 seconds (0.2 minutes)', async () => {
    await admin.goto(`/admin/resources/${resource.id}`);
    await admin.getByLabel('End sessions after (minutes without input)').fill('0.2');
    await admin.getByRole('button', { name: 'Save changes' }).click();
    await expect(admin.getByText('Changes saved.')).toBeVisible();
    await admin.reload();
    await expect(admin.getByLabel('End sessions after (minutes without input)')).toHaveValue('0.2');
  });

  const engineer = await seed.user({ roles: ['engineer'] });
  const page = await loginAs(engineer);
  // The size screenshots use: a resize is input, and would withdraw the warning.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/resources/${resource.id}`);
  await expect(page.getByText('Sessions end after 12s without input')).toBeVisible();

  const terminal = new TerminalPage(page);
  const warning = page.getByTestId('idle-warning');
  let connectedAt = 0;
  await test.step('halfway through, the terminal warns with a countdown', async () => {
    await page.getByRole('button', { name: 'Connect' }).click();
    await terminal.expectStatus('connected');
    connectedAt = Date.now();
    await expect(warning).toContainText(/Nothing typed for a while: Porthole ends this session in [1-6]s\./, { timeout: 10_000 });
    await shootPage(page, 'terminal-idle-warning', { sizes: ['desktop'] });
  });

  await test.step('"Stay connected" withdraws the warning and gives the terminal the keyboard back; the session outlives the first deadline', async () => {
    await warning.getByRole('button', { name: 'Stay connected' }).click();
    await expect(warning).toBeHidden();
    // The keyboard is the terminal's again.
    await page.keyboard.type('echo back-$((2+3))');
    await page.keyboard.press('Enter');
    await terminal.waitForLine(/back-5/);
    await page.waitForTimeout(Math.max(0, connectedAt + 12_500 - Date.now()));
    await terminal.expectStatus('connected', 1_000);
  });

  await test.step('with no input again, it is warned and then ended, saying why', async () => {
    await expect(warning).toBeVisible({ timeout: 10_000 });
    await terminal.expectStatus('closed', 15_000);
    await expect(warning).toBeHidden();
    await expect(page.getByText('Ended after a time without input')).toBeVisible();
    await expect(page.getByText('No input for 12s, so Porthole ended the session.')).toBeVisible();
  });
});

import { startSshd, type Sshd } from '../test/harness/sshd';
import { connectTerminal } from '../test/harness/terminal-client';
import { expect, fromPorthole, test } from './fixtures';
import { ReplayPage } from './pages/ReplayPage';
import { createSshResource, type SshResource } from './ssh-target';
import { expectAccessible } from './support/axe';

/** Insights: a failed command is listed by its cause, with the retry that worked, and links to its moment in the replay. */

const AWS_KEY = 'AKIARHUNWS7DR4ERD7TI';

let sshd: Sshd;
let resource: SshResource;

test.beforeAll(async ({ adminApi }, testInfo) => {
  sshd = await startSshd();
  resource = await createSshResource(adminApi, sshd, `insights-${testInfo.workerIndex}-${Date.now().toString(36)}`);
});

test.afterAll(async () => {
  await sshd?.stop();
});

test('a failed command is listed with its cause and opens the replay at its moment', async ({ seed, loginAs, harness }) => {
  test.setTimeout(120_000);
  const page = await loginAs(await seed.user({ roles: ['engineer'] }));
  await page.setViewportSize({ width: 1440, height: 900 });

  await test.step('an empty period says so', async () => {
    await page.goto('/insights');
    await expect(page.getByText('No sessions in the last 7 days')).toBeVisible();
  });

  const created = await page.request.post('/api/v1/sessions', { headers: fromPorthole(), data: { resourceId: resource.id } });
  expect(created.status()).toBe(201);
  const { id, wsUrl } = (await created.json()) as { id: string; wsUrl: string };
  const term = await connectTerminal(`${wsUrl}&cols=100&rows=30`, { origin: harness.baseURL });
  await term.waitFor(/\$ $/);
  term.type('ls /nonexistent\r');
  await term.waitFor(/No such file or directory/);
  term.type('ls /tmp\r');
  await term.waitFor(/\$ $/);
  // A secret printed: insights count it by rule and resource, and never show it.
  term.type(`echo ${AWS_KEY}\r`);
  await term.waitFor(/\$ $/);
  term.type('exit\r');
  await term.closed;
  await expect.poll(async () => ((await (await page.request.get(`/api/v1/recordings/${id}`)).json()) as { commandCount: number }).commandCount).toBe(4);

  await page.goto('/insights');
  const report = page.getByTestId('insights-report');
  await expect(report).toBeVisible();
  const cause = page.getByTestId('failure-cause').filter({ hasText: 'ls: cannot access <str>: No such file or directory' });
  await expect(cause).toHaveCount(1);
  const retries = page.getByRole('list', { name: 'Retried after a failure' });
  await expect(retries.getByRole('link', { name: 'ls /tmp' })).toBeVisible();
  await expect(
    page
      .getByRole('list', { name: 'Secrets masked' })
      .getByRole('listitem')
      .filter({ hasText: /AWS access key/ }),
  ).toContainText(resource.name);
  await expect(page.locator('body')).not.toContainText(AWS_KEY);
  await expectAccessible(page, 'Insights');

  const failed = cause.getByRole('link', { name: 'ls /nonexistent' });
  const href = await failed.getAttribute('href');
  expect(href).toMatch(new RegExp(`^/recordings/${id}\\?t=\\d+(\\.\\d)?$`));
  const t = Number(new URL(href!, harness.baseURL).searchParams.get('t'));
  await failed.click();
  await expect(page).toHaveURL(new RegExp(`/recordings/${id}\\?t=`));
  const replay = new ReplayPage(page);
  await replay.expectStatus('paused');
  expect(Math.abs((await replay.time()) - t)).toBeLessThan(0.05);
});

test("an engineer cannot open someone else's insights; an auditor can", async ({ seed, loginAs }) => {
  const owner = await seed.user({ roles: ['engineer'] });
  const engineer = await loginAs(await seed.user({ roles: ['engineer'] }));
  await engineer.goto(`/insights?userId=${owner.id}`);
  await expect(engineer.getByRole('alert').filter({ hasText: 'You can only see your own insights.' })).toBeVisible();

  const auditor = await loginAs(await seed.user({ roles: ['auditor'] }));
  await auditor.goto(`/insights?userId=${owner.id}`);
  await expect(auditor.getByRole('combobox', { name: 'Whose' })).toHaveValue(owner.id);
  await expect(auditor.getByText('No sessions in the last 7 days')).toBeVisible();
});

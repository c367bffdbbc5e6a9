import { startSshd, type Sshd } from '../test/harness/sshd';
import { expect, fromPorthole, test } from './fixtures';
import { TerminalPage } from './pages/TerminalPage';
import { createSshResource, type SshResource } from './ssh-target';
import { shootPage } from './support/screenshots';

/** More time, asked for from a terminal whose grant is ending: the session goes on under the new grant. */

let sshd: Sshd;
let resource: SshResource;

test.beforeAll(async ({ adminApi }, testInfo) => {
  sshd = await startSshd();
  resource = await createSshResource(adminApi, sshd, `more-time-${testInfo.workerIndex}-${Date.now().toString(36)}`);
  const patched = await adminApi.patch(`/api/v1/resources/${resource.id}`, { data: { accessMode: 'approval' } });
  expect(patched.ok(), await patched.text()).toBe(true);
});

test.afterAll(async () => {
  await sshd?.stop();
});

test('the ending grant’s warning leads to “Ask for more time”; once approved, the open terminal counts down the new grant', async ({ seed, loginAs }) => {
  test.setTimeout(90_000);
  const engineer = await seed.user({ name: `Engineer ${Date.now().toString(36)}` });
  const approver = await seed.user({ roles: ['approver'] });
  const engineerPage = await loginAs(engineer);
  const approverPage = await loginAs(approver);
  const approve = async (id: string) =>
    expect((await approverPage.request.post(`/api/v1/requests/${id}/approve`, { headers: fromPorthole(), data: {} })).ok()).toBe(true);

  // Four minutes: inside the terminal's five-minute warning from the start.
  const first = await engineerPage.request.post('/api/v1/requests', {
    headers: fromPorthole(),
    data: { resourceId: resource.id, durationMinutes: 4, reason: 'Restart the worker' },
  });
  expect(first.status(), await first.text()).toBe(201);
  await approve(((await first.json()) as { id: string }).id);

  const terminal = new TerminalPage(engineerPage);
  const warning = engineerPage.getByRole('alert').filter({ hasText: 'Your access ends in' });
  await test.step('the terminal warns that access ends, with a way to ask for more', async () => {
    await engineerPage.goto(`/resources/${resource.id}`);
    await engineerPage.getByRole('button', { name: 'Connect' }).click();
    await terminal.expectStatus('connected');
    await expect(engineerPage.getByTestId('grant-time-left')).toHaveText(/^Access: [34]m( \d\ds)? left$/);
    await expect(warning).toContainText('unless more time is approved');
    await shootPage(engineerPage, 'terminal-grant-ending', { sizes: ['desktop'] });
  });

  const resourcePage = await test.step('“ask for more time” opens the resource page in a new tab, where the request is made', async () => {
    const [opened] = await Promise.all([engineerPage.context().waitForEvent('page'), warning.getByRole('link', { name: 'ask for more time' }).click()]);
    await expect(opened).toHaveURL(new RegExp(`/resources/${resource.id}$`));
    const card = opened.getByTestId('access-card');
    await expect(card).toHaveAttribute('data-status', 'active');
    await expect(card.getByRole('heading', { name: 'Need more time?' })).toBeVisible();
    await shootPage(opened, 'resource-need-more-time', { sizes: ['desktop'] });
    await card.getByLabel('Duration').selectOption('30');
    await card.getByLabel(/^Reason/).fill('The restart needs a second pass');
    await card.getByRole('button', { name: 'Ask for more time' }).click();
    await expect(card).toContainText('is waiting for approval');
    // Still active meanwhile, and the terminal in the first tab is still open.
    await expect(card).toHaveAttribute('data-status', 'active');
    await terminal.expectStatus('connected', 1_000);
    return opened;
  });

  await test.step('approved, the terminal counts down the new grant and goes on', async () => {
    const mine = (await (await engineerPage.request.get('/api/v1/requests')).json()) as Array<{ id: string; status: string }>;
    const pending = mine.find((request) => request.status === 'pending');
    expect(pending).toBeDefined();
    // The approver reads that this asks for more time, and until when the engineer has access now.
    await approverPage.goto(`/approvals?id=${pending!.id}`);
    await expect(approverPage.getByRole('list', { name: 'Requests awaiting your decision' })).toContainText('more time: 30m');
    await expect(approverPage.getByTestId('requester-access-until')).toContainText('this asks for more time, from approval');
    await shootPage(approverPage, 'approvals-more-time', { sizes: ['desktop'] });
    await approve(pending!.id);
    await expect(engineerPage.getByTestId('grant-time-left')).toHaveText(/^Access: (29|30)m( \d\ds)? left$/, { timeout: 5_000 });
    await expect(warning).toBeHidden();
    await terminal.run('echo more-$((6*7))');
    await terminal.waitForLine(/^more-42$/);
    await expect(resourcePage.getByTestId('access-card')).not.toContainText('is waiting for approval');
    // My requests lists the added time as such.
    await resourcePage.goto('/requests');
    await expect(resourcePage.getByRole('row').filter({ hasText: 'The restart needs a second pass' })).toContainText('more time: 30m');
  });
});

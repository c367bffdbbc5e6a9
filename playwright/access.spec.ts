import type { Page } from '@playwright/test';
import { startSshd, type Sshd } from '../test/harness/sshd';
import { expect, fromPorthole, test } from './fixtures';
import { TerminalPage } from './pages/TerminalPage';
import { createSshResource, type SshResource } from './ssh-target';

/**
 * Just-in-time access across two browsers: the engineer requests, the approver's badge and
 * inbox update live, the approval reaches the engineer's page without a reload, the terminal
 * opens inside the grant against a real sshd, and a revoke ends it with the reason.
 */

// The audit test reads what the first two did.
test.describe.configure({ mode: 'serial' });

let sshd: Sshd;
let resource: SshResource;

test.beforeAll(async ({ adminApi }, testInfo) => {
  sshd = await startSshd();
  resource = await createSshResource(adminApi, sshd, `jit-${testInfo.workerIndex}-${Date.now().toString(36)}`);
  const patched = await adminApi.patch(`/api/v1/resources/${resource.id}`, { data: { accessMode: 'approval' } });
  expect(patched.ok(), await patched.text()).toBe(true);
});

test.afterAll(async () => {
  await sshd?.stop();
});

/** The badge's count now (0 when hidden). */
async function badgeCount(page: Page): Promise<number> {
  const value = await page.getByTestId('approvals-badge').getAttribute('data-count');
  return Number(value || 0);
}

/** Marks the page so a test can tell a live update from a reload. */
async function markNoReload(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __noReload?: boolean }).__noReload = true));
}

async function expectNotReloaded(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
}

test('request → live badge → approve → live grant → terminal → revoke ends it, with the approver’s reason', async ({ seed, loginAs }) => {
  test.setTimeout(90_000);
  const engineer = await seed.user({ name: `Engineer ${Date.now().toString(36)}` });
  const approver = await seed.user({ roles: ['approver'] });
  const approverPage = await loginAs(approver);
  const engineerPage = await loginAs(engineer);
  const card = engineerPage.getByTestId('access-card');

  await approverPage.goto('/resources');
  // The badge element is there once the live stream answered (hidden at zero).
  await expect(approverPage.getByTestId('approvals-badge')).toHaveAttribute('data-count', /^\d+$/);
  const before = await badgeCount(approverPage);
  await markNoReload(approverPage);

  await test.step('the engineer requests access from the resource page', async () => {
    await engineerPage.goto(`/resources/${resource.id}`);
    await expect(card).toHaveAttribute('data-status', 'none');
    await engineerPage.getByLabel('Duration').selectOption('60');
    await engineerPage.getByLabel('Reason').fill('Rotate the TLS certificate (CHG-7)');
    await engineerPage.getByLabel('Ticket link (optional)').fill('https://tickets.example/CHG-7');
    await engineerPage.getByRole('button', { name: 'Request access' }).click();
    await expect(card).toHaveAttribute('data-status', 'pending');
    await markNoReload(engineerPage);
  });

  await test.step('the approver’s badge counts it without a reload', async () => {
    await expect(approverPage.getByTestId('approvals-badge')).toHaveAttribute('data-count', String(before + 1));
    await expectNotReloaded(approverPage);
  });

  await test.step('the approver opens the inbox, reads the request and approves with the keyboard', async () => {
    await approverPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /^Approvals/ })
      .click();
    const item = approverPage.getByRole('list', { name: 'Requests awaiting your decision' }).getByRole('link', { name: new RegExp(engineer.name) });
    await item.click();
    const details = approverPage.getByRole('article', { name: `Request from ${engineer.name}` });
    await expect(details).toContainText('Rotate the TLS certificate (CHG-7)');
    await expect(details).toContainText('1h 00m');
    await expect(details).toContainText('None on this resource');
    await approverPage.getByLabel('Comment (optional)').fill('Go ahead');
    await approverPage.keyboard.press('Escape');
    await approverPage.keyboard.press('a');
    await expect(approverPage.getByRole('status').filter({ hasText: 'Approved: access has started.' })).toBeVisible();
    await expect(approverPage.getByTestId('approvals-badge')).toHaveAttribute('data-count', String(before));
  });

  await test.step('the engineer’s page shows the grant live, with the time left', async () => {
    await expect(card).toHaveAttribute('data-status', 'active');
    await expect(engineerPage.getByTestId('grant-remaining')).toContainText(/^(59m|1h 00m)/);
    await expectNotReloaded(engineerPage);
    await engineerPage.goto(`/resources?q=${encodeURIComponent(resource.name)}`);
    const catalogueCard = engineerPage.getByRole('list', { name: 'Resource catalogue' }).getByRole('link').filter({ hasText: resource.name });
    await expect(catalogueCard.locator('[data-access-state="active"]')).toContainText('Active until');
    await engineerPage.goto('/requests');
    const row = engineerPage.getByRole('row', { name: new RegExp(resource.name) });
    await expect(row).toHaveAttribute('data-status', 'approved');
    await expect(row).toContainText('active until');
  });

  const terminal = new TerminalPage(engineerPage);
  await test.step('the engineer connects inside the grant', async () => {
    await engineerPage.goto(`/resources/${resource.id}`);
    await engineerPage.getByRole('button', { name: 'Connect' }).click();
    await expect(engineerPage).toHaveURL(/\/terminal\/[0-9a-f-]{36}$/);
    await terminal.expectStatus('connected');
    await terminal.run('echo jit-$((20+22))');
    await terminal.waitForLine(/^jit-42$/);
  });

  await test.step('the approver revokes; the open terminal ends with the reason', async () => {
    await approverPage.goto('/approvals/grants');
    const row = approverPage.getByRole('row', { name: new RegExp(engineer.name) });
    await row.getByRole('button', { name: 'Revoke' }).click();
    const dialog = approverPage.getByRole('dialog');
    await dialog.getByLabel('Reason (optional)').fill('Change freeze starts now');
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await expect(row).toHaveCount(0);
    await expect(terminal.banner).toContainText('Your access was revoked');
    await expect(terminal.banner).toContainText(`By ${approver.name}: Change freeze starts now`);
    await terminal.expectStatus('closed');
    // Said once, and the way on is a new request: connecting again cannot work.
    await expect(engineerPage.getByText('Your access was revoked')).toHaveCount(1);
    await expect(terminal.banner.getByRole('button', { name: 'Connect again' })).toHaveCount(0);
    await expect(terminal.banner.getByRole('link', { name: 'Request access again' })).toHaveAttribute('href', `/resources/${resource.id}`);
  });

  await test.step('My requests says who revoked it and why, and filters by state', async () => {
    await engineerPage.goto('/requests');
    const request = engineerPage.locator('tr[data-status="revoked"]').filter({ hasText: resource.name });
    await expect(request).toContainText(`by ${approver.name}: “Change freeze starts now”`);
    const filters = engineerPage.getByRole('form', { name: 'Filter requests' });
    await filters.getByLabel('State').selectOption('Pending');
    await filters.getByRole('button', { name: 'Filter' }).click();
    await expect(engineerPage.getByText('No requests in this state')).toBeVisible();
    // Back to "Any state": the form sends `status=`, which lists them all again.
    await filters.getByLabel('State').selectOption('Any state');
    await filters.getByRole('button', { name: 'Filter' }).click();
    await expect(request).toBeVisible();
  });
});

test('a denied request cannot connect, and the engineer sees why', async ({ seed, loginAs }) => {
  const engineer = await seed.user({ name: `Denied ${Date.now().toString(36)}` });
  const approver = await seed.user({ roles: ['approver'] });
  const engineerPage = await loginAs(engineer);
  const approverPage = await loginAs(approver);
  const card = engineerPage.getByTestId('access-card');

  await engineerPage.goto(`/resources/${resource.id}`);
  await engineerPage.getByLabel('Reason').fill('Just curious');
  await engineerPage.getByRole('button', { name: 'Request access' }).click();
  await expect(card).toHaveAttribute('data-status', 'pending');

  await approverPage.goto('/approvals');
  await approverPage
    .getByRole('list', { name: 'Requests awaiting your decision' })
    .getByRole('link', { name: new RegExp(engineer.name) })
    .click();
  // Other specs' requests and statement reviews may wait in this inbox too: decide in this request's pane, once it shows.
  const details = approverPage.getByRole('article', { name: `Request from ${engineer.name}` });
  await expect(details).toBeVisible();
  await details.getByLabel('Comment (optional)').fill('Not without a ticket');
  await details.getByRole('button', { name: 'Deny' }).click();
  await expect(approverPage.getByRole('status').filter({ hasText: 'Denied.' })).toBeVisible();

  await expect(card).toHaveAttribute('data-status', 'none');
  await expect(card).toContainText('Not without a ticket');
  const response = await engineerPage.request.post('/api/v1/sessions', { headers: fromPorthole(), data: { resourceId: resource.id } });
  expect(response.status()).toBe(403);
  expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/approved access request/);
});

test('a request’s link opens where each reader finds it; the engineer ends their access early from My requests and the request says so', async ({
  seed,
  loginAs,
}) => {
  const engineer = await seed.user({ name: `Early ${Date.now().toString(36)}` });
  const approver = await seed.user({ roles: ['approver'] });
  const engineerPage = await loginAs(engineer);
  const approverPage = await loginAs(approver);
  const requested = await engineerPage.request.post('/api/v1/requests', {
    headers: fromPorthole(),
    data: { resourceId: resource.id, durationMinutes: 30, reason: 'A quick look' },
  });
  expect(requested.status()).toBe(201);
  const { id } = (await requested.json()) as { id: string };
  // The API's pages say how many there are in all: one request, one page of one, an empty second.
  for (const [page, length] of [
    [1, 1],
    [2, 0],
  ] as const) {
    const listed = await engineerPage.request.get(`/api/v1/requests?limit=1&page=${page}`);
    expect(listed.headers()['x-total-count']).toBe('1');
    expect(((await listed.json()) as unknown[]).length).toBe(length);
  }
  expect((await engineerPage.request.get('/api/v1/sessions')).headers()['x-total-count']).toBe('0');
  // A webhook's "open in Porthole" links every reader in the channel to /requests?id=.
  await approverPage.goto(`/requests?id=${id}`);
  await expect(approverPage).toHaveURL(new RegExp(`/approvals\\?id=${id}$`));
  await expect(approverPage.getByRole('article', { name: `Request from ${engineer.name}` })).toBeVisible();
  await engineerPage.goto(`/requests?id=${id}`);
  await expect(engineerPage.locator(`tr[data-request-id="${id}"]`)).toHaveAttribute('aria-current', 'true');
  expect((await approverPage.request.post(`/api/v1/requests/${id}/approve`, { headers: fromPorthole(), data: {} })).ok()).toBe(true);

  await engineerPage.goto('/requests');
  const row = engineerPage.locator(`tr[data-request-id="${id}"]`);
  await row.getByRole('button', { name: 'End access' }).click();
  await engineerPage.getByRole('dialog').getByRole('button', { name: 'End access' }).click();
  await expect(row).toHaveAttribute('data-status', 'revoked');
  await expect(row).toContainText('you ended it early');
});

test('the audit log shows each step and exports JSONL', async ({ admin }) => {
  await admin.goto(`/audit?resourceId=${resource.id}`);
  const table = admin.getByRole('table', { name: 'Audit events' });
  for (const action of ['request.create', 'request.approve', 'grant.start', 'grant.revoke', 'request.deny']) {
    await expect(table.locator(`tr[data-action="${action}"]`).first()).toBeVisible();
  }
  const download = admin.waitForEvent('download');
  await admin.getByRole('link', { name: 'Export JSONL' }).click();
  const file = await (await download).path();
  const { readFileSync } = await import('node:fs');
  const lines = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { action: string; data: { resourceId?: string } });
  expect(lines.map((l) => l.action)).toEqual(expect.arrayContaining(['request.create', 'grant.revoke']));
});

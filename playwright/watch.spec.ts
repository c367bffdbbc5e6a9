import type { Page } from '@playwright/test';
import { startSshd, type Sshd } from '../test/harness/sshd';
import { expect, fromPorthole, test } from './fixtures';
import { expectAccessible } from './support/axe';
import { shootPage } from './support/screenshots';
import { TerminalPage } from './pages/TerminalPage';
import { createSshResource, type SshResource } from './ssh-target';

/**
 * An auditor watches an engineer's live terminal and terminates it: two browser contexts on
 * one real sshd. PAGE_SCREENSHOTS=<dir> keeps screenshots of the pages there.
 */

let sshd: Sshd;
let resource: SshResource;

test.beforeAll(async ({ adminApi }, testInfo) => {
  sshd = await startSshd();
  resource = await createSshResource(adminApi, sshd, `watched-${testInfo.workerIndex}-${Date.now().toString(36)}`);
});

test.afterAll(async () => {
  await sshd?.stop();
});

const watchText = (page: Page) => page.evaluate(() => window.__portholeWatch?.text() ?? '');

test('an auditor sees a live session appear, watches it, and terminates it with a reason the engineer reads', async ({ seed, loginAs }) => {
  test.setTimeout(150_000);
  const engineer = await seed.user({ roles: ['engineer'], name: 'Erin Engineer' });
  const auditor = await seed.user({ roles: ['auditor'], name: 'Ada Auditor' });
  const auditorPage = await loginAs(auditor);
  const engineerPage = await loginAs(engineer);
  await auditorPage.setViewportSize({ width: 1440, height: 900 });
  await engineerPage.setViewportSize({ width: 1280, height: 800 });
  const terminal = new TerminalPage(engineerPage);
  const row = auditorPage.getByRole('table', { name: 'Sessions' }).getByRole('row').filter({ hasText: engineer.email });
  let sessionId = '';

  await test.step('the auditor’s sessions list shows the engineer’s new terminal live, without a reload', async () => {
    await auditorPage.goto('/sessions');
    await engineerPage.goto(`/resources/${resource.id}`);
    await engineerPage.getByRole('button', { name: 'Connect' }).click();
    await expect(engineerPage).toHaveURL(/\/terminal\/[0-9a-f-]{36}$/);
    sessionId = engineerPage.url().split('/').pop() ?? '';
    await terminal.expectStatus('connected');
    await terminal.run('echo before-watch-$((6*7))');
    await terminal.waitForLine(/^before-watch-42$/);
    await expect(row.getByText('Live')).toBeVisible({ timeout: 15_000 });
  });

  await test.step('an engineer can neither watch nor terminate (page and API)', async () => {
    const other = await loginAs(await seed.user({ roles: ['engineer'] }));
    expect((await other.goto(`/sessions/${sessionId}/watch`))?.status()).toBe(404);
    expect((await other.request.post(`/api/v1/sessions/${sessionId}/terminate`, { headers: fromPorthole(), data: { reason: 'mine' } })).status()).toBe(403);
    expect((await other.request.post(`/api/v1/sessions/${sessionId}/watch-ticket`, { headers: fromPorthole(), data: {} })).status()).toBe(403);
    expect((await engineerPage.request.post(`/api/v1/sessions/${sessionId}/terminate`, { headers: fromPorthole(), data: { reason: 'me' } })).status()).toBe(
      403,
    );
  });

  await test.step('the auditor narrows the list to live sessions on the resource; "Mine" leaves it empty', async () => {
    const filters = auditorPage.getByRole('form', { name: 'Filter sessions' });
    // The form sends the selects left on "Any …" as empty values: no filter, not a bad one.
    await filters.getByLabel('State').selectOption('Live');
    await filters.getByRole('button', { name: 'Filter' }).click();
    await expect(auditorPage).toHaveURL(/[?&]status=active/);
    await expect(auditorPage).toHaveURL(/[?&]resourceId=(&|$)/);
    await expect(row.getByText('Live')).toBeVisible();
    await filters.getByLabel('Resource').selectOption({ label: resource.name });
    await filters.getByRole('button', { name: 'Filter' }).click();
    await expect(row.getByText('Live')).toBeVisible();
    await filters.getByLabel('Whose').selectOption('Mine');
    await filters.getByRole('button', { name: 'Filter' }).click();
    await expect(auditorPage.getByText('No sessions match these filters')).toBeVisible();
    await filters.getByRole('link', { name: 'Clear' }).click();
    await expect(row.getByText('Live')).toBeVisible();
  });

  await test.step('Watch opens the current screen; the engineer is told who watches', async () => {
    await shootPage(auditorPage, 'sessions-live');
    await row.getByRole('link', { name: /^Watch / }).click();
    await expect(auditorPage).toHaveURL(new RegExp(`/sessions/${sessionId}/watch$`));
    await expect(auditorPage.getByTestId('watch-terminal')).toHaveAttribute('data-status', 'watching', { timeout: 20_000 });
    await expect.poll(() => watchText(auditorPage), { message: 'the screen as it was' }).toContain('before-watch-42');
    await expect(engineerPage.getByTestId('watched-banner')).toHaveText('Ada Auditor is watching this session.');
  });

  await test.step('what the engineer types appears for the watcher as it happens', async () => {
    await terminal.run('echo typed-live-$((7*6))');
    await terminal.waitForLine(/^typed-live-42$/);
    await expect.poll(() => watchText(auditorPage), { message: 'the live output' }).toContain('typed-live-42');
    await expectAccessible(auditorPage, 'Watch a terminal');
    await shootPage(auditorPage, 'watch');
  });

  await test.step('terminate with a reason: the engineer reads it, the watcher sees the end', async () => {
    const reason = 'Production change outside the window';
    await auditorPage.getByRole('button', { name: 'Terminate Erin Engineer’s session' }).click();
    const dialog = auditorPage.getByRole('dialog', { name: 'Terminate Erin Engineer’s session' });
    await expect(dialog.getByRole('button', { name: 'Terminate session' })).toBeDisabled();
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: 'Terminate session' }).click();
    await expect(terminal.banner).toContainText(`By Ada Auditor: ${reason}`);
    await expect(terminal.banner).toContainText('Session terminated');
    await expect(terminal.banner).not.toContainText('Session terminated by');
    await terminal.expectStatus('closed');
    await expect(engineerPage.getByTestId('watched-banner')).toHaveCount(0);
    await expect(auditorPage.getByTestId('watch-terminal')).toHaveAttribute('data-status', 'closed');
    await expect(auditorPage.getByRole('status')).toContainText('Session terminated');
    const session = (await (await auditorPage.request.get(`/api/v1/sessions/${sessionId}`)).json()) as {
      status: string;
      endReason: string;
      endMessage: string;
    };
    expect(session).toMatchObject({ status: 'ended', endReason: 'terminated', endMessage: `Session terminated by Ada Auditor: ${reason}` });
  });

  await test.step('the recording says why it ended: in the auditor’s list and on the engineer’s replay', async () => {
    await auditorPage.goto('/recordings');
    const recordingRow = auditorPage.locator(`tr[data-recording-id="${sessionId}"]`);
    await expect(recordingRow).toContainText('Session terminated');
    await engineerPage.goto(`/recordings/${sessionId}`);
    await expect(engineerPage.getByTestId('recording-ending')).toHaveText('Ended: Session terminated. By Ada Auditor: Production change outside the window');
  });

  await test.step('the resource page lists the engineer’s recent sessions there, with how each ended and its replay', async () => {
    await engineerPage.goto(`/resources/${resource.id}`);
    const recent = engineerPage.getByRole('region', { name: 'Your recent sessions' });
    const item = recent.locator(`li[data-session-id="${sessionId}"]`);
    await expect(item).toContainText('Session terminated');
    await expect(item.getByRole('link', { name: `Replay ${resource.name} session` })).toHaveAttribute('href', `/recordings/${sessionId}`);
    // The auditor has no session of their own on it.
    await auditorPage.goto(`/resources/${resource.id}`);
    await expect(auditorPage.getByRole('region', { name: 'Your recent sessions' })).toContainText('None yet');
  });
});

import type { Locator, Page } from '@playwright/test';
import { startSshd, type Sshd } from '../test/harness/sshd';
import { connectTerminal } from '../test/harness/terminal-client';
import { expect, fromPorthole, test } from './fixtures';
import { shootPage } from './support/screenshots';
import { ReplayPage } from './pages/ReplayPage';
import { TerminalPage } from './pages/TerminalPage';
import { createSshResource, type SshResource } from './ssh-target';

/**
 * Approvers decide from their phones: at 390×844 every page the issue names (catalogue,
 * request, approvals, terminal, replay, notes) fits the width, and its primary action is on
 * screen and works. The navigation is behind a Menu button there.
 */

const PHONE = { width: 390, height: 844 };

let sshd: Sshd;
/** Needs an approved request (the approvals flow); `openResource` lets engineers straight in (the replay). */
let resource: SshResource;
let openResource: SshResource;

test.beforeAll(async ({ adminApi }, testInfo) => {
  sshd = await startSshd();
  resource = await createSshResource(adminApi, sshd, `phone-${testInfo.workerIndex}-${Date.now().toString(36)}`);
  const patched = await adminApi.patch(`/api/v1/resources/${resource.id}`, { data: { accessMode: 'approval' } });
  expect(patched.ok(), await patched.text()).toBe(true);
  openResource = await createSshResource(adminApi, sshd, `phone-open-${testInfo.workerIndex}-${Date.now().toString(36)}`);
});

test.afterAll(async () => {
  await sshd?.stop();
});

/** The page is no wider than the phone: nothing to scroll sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), { message: 'page width beyond the viewport' })
    .toBeLessThanOrEqual(0);
}

/** Visible, on screen once scrolled to, inside the viewport's width, and not covered by anything (a trial click hits it). */
async function expectUsable(target: Locator): Promise<void> {
  await expect(target).toBeVisible();
  // Reachable by scrolling down, as on any phone; never by scrolling sideways.
  await target.scrollIntoViewIfNeeded();
  await expect(target).toBeInViewport();
  const box = await target.boundingBox();
  expect(box, 'a bounding box').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
  await target.click({ trial: true });
}

async function phonePage(loginAs: (user: { email: string; password: string }) => Promise<Page>, user: { email: string; password: string }): Promise<Page> {
  const page = await loginAs(user);
  await page.setViewportSize(PHONE);
  return page;
}

test('catalogue, request, approvals and the terminal work at 390×844, navigation behind a Menu button', async ({ seed, loginAs }) => {
  test.setTimeout(90_000);
  const engineer = await seed.user({ name: `Phone engineer ${Date.now().toString(36)}` });
  const approver = await seed.user({ roles: ['approver'] });
  const engineerPage = await phonePage(loginAs, engineer);
  const approverPage = await phonePage(loginAs, approver);
  const menu = engineerPage.getByRole('button', { name: 'Menu' });
  const nav = engineerPage.getByRole('navigation', { name: 'Main' });

  await test.step('the catalogue fits; the navigation opens from the Menu button and closes on Escape and on navigation', async () => {
    await engineerPage.goto('/resources');
    await expect(engineerPage.getByRole('list', { name: 'Resource catalogue' })).toBeVisible();
    await expectNoSidewaysScroll(engineerPage);
    await shootPage(engineerPage, 'catalogue', { sizes: ['phone'], fullPage: true });
    await expect(nav).toBeHidden();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expectUsable(nav.getByRole('link', { name: 'Requests', exact: true }));
    await shootPage(engineerPage, 'menu-open', { sizes: ['phone'], fullPage: true });
    await engineerPage.keyboard.press('Escape');
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();
    await menu.click();
    await nav.getByRole('link', { name: 'Requests', exact: true }).click();
    await expect(engineerPage).toHaveURL(/\/requests$/);
    await expect(nav).toBeHidden();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
  });

  const card = engineerPage.getByTestId('access-card');
  await test.step('the engineer opens the resource from the catalogue and requests access', async () => {
    await engineerPage.goto(`/resources?q=${encodeURIComponent(resource.name)}`);
    const catalogueCard = engineerPage.getByRole('list', { name: 'Resource catalogue' }).getByRole('link').filter({ hasText: resource.name });
    await expectUsable(catalogueCard);
    await catalogueCard.click();
    await expect(card).toHaveAttribute('data-status', 'none');
    await expectNoSidewaysScroll(engineerPage);
    await engineerPage.getByLabel('Reason').fill('Rotate the TLS certificate from the train (CHG-9)');
    const request = engineerPage.getByRole('button', { name: 'Request access' });
    await expectUsable(request);
    await shootPage(engineerPage, 'request', { sizes: ['phone'], fullPage: true });
    await request.click();
    await expect(card).toHaveAttribute('data-status', 'pending');
    await expectNoSidewaysScroll(engineerPage);
  });

  await test.step('the approver reads the request and approves it on the phone', async () => {
    await approverPage.goto('/approvals');
    // The navigation is folded away: the waiting count shows on the Menu button.
    await expect(approverPage.getByRole('button', { name: 'Menu' })).toHaveAccessibleName(/Menu\s*\d+ awaiting your decision/);
    await approverPage
      .getByRole('list', { name: 'Requests awaiting your decision' })
      .getByRole('link', { name: new RegExp(engineer.name) })
      .click();
    await expect(approverPage.getByRole('article', { name: `Request from ${engineer.name}` })).toContainText('from the train');
    await expectNoSidewaysScroll(approverPage);
    const approve = approverPage.getByRole('button', { name: 'Approve' });
    await approve.scrollIntoViewIfNeeded();
    await expectUsable(approve);
    await shootPage(approverPage, 'approvals', { sizes: ['phone'], fullPage: true });
    await approve.click();
    await expect(approverPage.getByRole('status').filter({ hasText: 'Approved: access has started.' })).toBeVisible();
    await expectNoSidewaysScroll(approverPage);
  });

  await test.step('the engineer connects; the terminal’s status bar fits the phone, time left included', async () => {
    await expect(card).toHaveAttribute('data-status', 'active');
    const connect = engineerPage.getByRole('button', { name: 'Connect' });
    await expectUsable(connect);
    await connect.click();
    const terminal = new TerminalPage(engineerPage);
    await terminal.expectStatus('connected');
    await expectNoSidewaysScroll(engineerPage);
    const timeLeft = engineerPage.getByTestId('grant-time-left');
    await expectUsable(timeLeft);
    const header = engineerPage.getByRole('banner');
    expect(await header.evaluate((el) => el.scrollWidth - el.clientWidth), 'status bar content beyond its width').toBeLessThanOrEqual(0);
    // The resource's name, the time left and the full-screen button are not cut short, and the bar keeps one line.
    await expect(header.getByText('Connected', { exact: true })).toBeAttached();
    for (const label of [header.getByRole('link', { name: resource.name }), timeLeft, header.getByRole('button', { name: 'Full screen' })]) {
      await expect(label).toBeVisible();
      expect(await label.evaluate((el) => el.scrollWidth - el.clientWidth), `${await label.textContent()} cut short`).toBeLessThanOrEqual(0);
      expect((await label.boundingBox())!.height, 'one line').toBeLessThanOrEqual(24);
    }
    await terminal.run('echo phone-$((40+2))');
    await terminal.waitForLine(/^phone-42$/);
    await shootPage(engineerPage, 'terminal', { sizes: ['phone'], fullPage: true });
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('recordings, replay and notes work at 390×844', async ({ seed, loginAs, harness }) => {
  test.setTimeout(90_000);
  const engineer = await seed.user();
  const page = await phonePage(loginAs, engineer);

  const id = await test.step('a session is recorded', async () => {
    const created = await page.request.post('/api/v1/sessions', { headers: fromPorthole(), data: { resourceId: openResource.id } });
    expect(created.status()).toBe(201);
    const { id, wsUrl } = (await created.json()) as { id: string; wsUrl: string };
    // A wide terminal: the replay has to scale it to the phone's width.
    const term = await connectTerminal(`${wsUrl}&cols=120&rows=30`, { origin: harness.baseURL });
    await term.waitFor(/\$ $/);
    await sleep(500);
    term.type('echo phone-replay-$((6*7))\r');
    await term.waitFor(/phone-replay-42/);
    await sleep(800);
    term.type('exit\r');
    await term.closed;
    return id;
  });

  await test.step('the recordings list is a list that fits, each recording one tap from its replay', async () => {
    await page.goto('/recordings');
    const row = page.locator(`[data-recording-id="${id}"]`);
    await expect(row).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shootPage(page, 'recordings', { sizes: ['phone'], fullPage: true });
    const open = row.getByRole('link').first();
    await expectUsable(open);
    await open.click();
    await expect(page).toHaveURL(new RegExp(`/recordings/${id}`));
  });

  const replay = new ReplayPage(page);
  await test.step('the replay fits and plays', async () => {
    await replay.expectStatus('paused');
    await expectNoSidewaysScroll(page);
    const screen = page.getByTestId('replay-terminal');
    const box = await screen.boundingBox();
    expect(box!.x + box!.width, 'player right edge').toBeLessThanOrEqual(PHONE.width);
    await expectUsable(replay.playButton);
    await shootPage(page, 'replay', { sizes: ['phone'], fullPage: true });
    await replay.playButton.click();
    await expect(replay.screen).toContainText('phone-replay-42', { timeout: 15_000 });
  });

  await test.step('a note added on the phone is listed under Notes, and opens its moment', async () => {
    await replay.tab('Notes').click();
    const add = page.getByRole('button', { name: /Add a note at/ });
    await expectUsable(add);
    await add.click();
    await page.getByRole('textbox', { name: 'Note', exact: true }).fill('Checked from the phone');
    const save = page.getByRole('button', { name: 'Save note' });
    await expectUsable(save);
    await save.click();
    await expect(page.getByTestId('note')).toContainText('Checked from the phone');
    await page.goto('/notes');
    const note = page.getByTestId('my-note').filter({ hasText: 'Checked from the phone' });
    await expect(note).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shootPage(page, 'notes', { sizes: ['phone'], fullPage: true });
    const jump = note.getByRole('link', { name: new RegExp(`^${openResource.name} at`) });
    await expectUsable(jump);
    await jump.click();
    await expect(page).toHaveURL(new RegExp(`/recordings/${id}\\?t=`));
    await replay.expectStatus(/paused|ended/);
  });
});

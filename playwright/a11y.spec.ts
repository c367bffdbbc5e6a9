import { randomBytes } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import pg from 'pg';
import { createDatabase, startPostgres } from '../test/harness/postgres';
import { startSshd } from '../test/harness/sshd';
import { connectTerminal } from '../test/harness/terminal-client';
import { expect, fromPorthole, test } from './fixtures';
import { ReplayPage } from './pages/ReplayPage';
import { TerminalPage } from './pages/TerminalPage';
import { createSshResource } from './ssh-target';
import { expectAccessible } from './support/axe';

/**
 * Accessibility: every page, as the role that sees it, in the light and the dark theme, has no
 * serious or critical axe violation; the replay timeline works from the keyboard; the live
 * approvals badge is a polite live region.
 */

// Each tour seeds its own data, so the tours run on both workers; axe takes seconds a page.
test.describe.configure({ mode: 'parallel', timeout: 90_000 });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Stop = { path: string; name: string; ready?: (page: Page) => Locator };

/** Visits each stop, waits until it has rendered what it shows, and checks it in both themes. */
async function tour(page: Page, stops: Stop[]): Promise<void> {
  for (const stop of stops) {
    await test.step(stop.name, async () => {
      const response = await page.goto(stop.path);
      expect(response?.status(), `${stop.path} answered`).toBeLessThan(400);
      await expect(stop.ready?.(page) ?? page.locator('main, body > div').first()).toBeVisible();
      await expectAccessible(page, `${stop.name} (${stop.path})`);
    });
  }
}

/** A recorded terminal session owned by the page's user: two commands, over 5 s long (one arrow step and more). */
async function recordSession(page: Page, resourceId: string, baseURL: string): Promise<string> {
  const created = await page.request.post('/api/v1/sessions', { headers: fromPorthole(), data: { resourceId } });
  expect(created.status()).toBe(201);
  const { id, wsUrl } = (await created.json()) as { id: string; wsUrl: string };
  const term = await connectTerminal(`${wsUrl}&cols=100&rows=30`, { origin: baseURL });
  await term.waitFor(/\$ $/);
  await sleep(500);
  term.type('echo first-$((1+1))\r');
  await term.waitFor(/first-2/);
  await sleep(3000);
  term.type('echo second-$((2+2))\r');
  await term.waitFor(/second-4/);
  await sleep(3000);
  term.type('exit\r');
  await term.closed;
  await expect.poll(async () => ((await (await page.request.get(`/api/v1/recordings/${id}`)).json()) as { indexState: string }).indexState).toBe('ready');
  return id;
}

test('signed-out pages are accessible in both themes', async ({ browser, harness }) => {
  const context = await browser.newContext({ baseURL: harness.baseURL });
  const page = await context.newPage();
  await tour(page, [
    { path: '/login', name: 'Sign in', ready: (p) => p.getByRole('button', { name: 'Sign in', exact: true }) },
    { path: '/setup', name: 'Setup (link already used)', ready: (p) => p.getByRole('heading', { name: 'Welcome to Porthole' }) },
  ]);
  await context.close();
});

test('an engineer’s pages are accessible in both themes', async ({ seed, loginAs, adminApi }) => {
  const open = await seed.resource({ tags: ['e2e', 'a11y'] });
  const gated = await seed.resource({ tags: ['e2e', 'a11y'] });
  const requestable = await seed.resource({ tags: ['e2e', 'a11y'] });
  for (const { id } of [gated, requestable]) {
    expect((await adminApi.patch(`/api/v1/resources/${id}`, { data: { accessMode: 'approval' } })).ok()).toBe(true);
  }
  const page = await loginAs(await seed.user({ roles: ['engineer'] }));
  const requested = await page.request.post('/api/v1/requests', {
    headers: fromPorthole(),
    data: { resourceId: gated.id, durationMinutes: 30, reason: 'Accessibility tour' },
  });
  expect(requested.status()).toBe(201);

  await tour(page, [
    { path: '/resources', name: 'Resource catalogue', ready: (p) => p.getByRole('list', { name: 'Resource catalogue' }) },
    { path: `/resources/${open.id}`, name: 'Resource page (open access)', ready: (p) => p.getByTestId('access-card') },
    { path: `/resources/${requestable.id}`, name: 'Resource page (request form)', ready: (p) => p.getByRole('button', { name: 'Request access' }) },
    { path: `/resources/${gated.id}`, name: 'Resource page (request pending)', ready: (p) => p.locator('[data-testid="access-card"][data-status="pending"]') },
    { path: '/requests', name: 'My requests', ready: (p) => p.getByRole('row', { name: new RegExp(gated.name) }) },
    { path: '/sessions', name: 'Sessions', ready: (p) => p.getByRole('heading', { name: 'Sessions', level: 1 }) },
    { path: '/shared-with-me', name: 'Shared with me (empty)', ready: (p) => p.getByRole('heading', { name: 'Shared with me', level: 1 }) },
    { path: '/profile', name: 'Profile', ready: (p) => p.getByRole('heading', { name: 'Profile', level: 1 }) },
  ]);
});

test('recordings, replay and notes are accessible in both themes; the timeline is a slider operable from the keyboard', async ({
  seed,
  loginAs,
  adminApi,
  harness,
}) => {
  // A recorded session (6.5 s of it on purpose) and six pages in two themes: 60-78 s in CI runs.
  test.setTimeout(150_000);
  const sshd = await startSshd();
  try {
    const resource = await createSshResource(adminApi, sshd, `a11y-${Date.now().toString(36)}`);
    const page = await loginAs(await seed.user({ roles: ['engineer'] }));
    const id = await recordSession(page, resource.id, harness.baseURL);
    const note = await page.request.post(`/api/v1/recordings/${id}/annotations`, {
      headers: fromPorthole(),
      data: { t: 1, body: 'Checked the **output**', tags: ['a11y'] },
    });
    expect(note.status()).toBe(201);
    const replay = new ReplayPage(page);

    await tour(page, [
      { path: '/recordings', name: 'Recordings', ready: (p) => p.getByRole('heading', { name: 'Recordings', level: 1 }) },
      { path: '/recordings?automated=false', name: 'Recordings (people only)', ready: (p) => p.getByRole('heading', { name: 'Recordings', level: 1 }) },
      { path: '/notes', name: 'Notes', ready: (p) => p.getByText('Checked the') },
      { path: '/search', name: 'Search (start)', ready: (p) => p.getByRole('heading', { name: 'Search', level: 1 }) },
      { path: '/search?q=first', name: 'Search results', ready: (p) => p.locator('main mark').first() },
      { path: '/insights', name: 'Insights', ready: (p) => p.getByRole('heading', { level: 1 }) },
      { path: '/snippets', name: 'Snippets', ready: (p) => p.getByRole('heading', { level: 1 }) },
      // Last: the keyboard steps below run on the replay.
      { path: `/recordings/${id}`, name: 'Replay', ready: () => replay.root.and(page.locator('[data-status="paused"]')) },
    ]);

    await test.step('Tab reaches the timeline; arrows, End and Home seek', async () => {
      const duration = await replay.duration();
      expect(duration).toBeGreaterThan(5);
      // Tab order: the controls above it, then the timeline.
      await page.getByRole('button', { name: 'Keyboard shortcuts' }).focus();
      await page.keyboard.press('Tab');
      await expect(replay.timeline).toBeFocused();
      // The page may open a little after 0 (at the first output), so steps are counted from where it is.
      const start = await replay.time();
      expect(start).toBeLessThan(duration - 5);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => replay.time()).toBeCloseTo(start + 5, 1);
      await expect.poll(async () => Number(await replay.timeline.getAttribute('aria-valuenow'))).toBeCloseTo(start + 5, 0);
      await page.keyboard.press('End');
      await expect.poll(() => replay.time()).toBeCloseTo(duration, 0);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => replay.time()).toBeCloseTo(duration - 5, 0);
      await page.keyboard.press('Home');
      await expect.poll(() => replay.time()).toBeCloseTo(0, 0);
      await expect(replay.timeline).toHaveAttribute('aria-valuetext', /^0:00 of /);
    });

    await test.step('the keyboard help dialog', async () => {
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await expectAccessible(page, 'Replay keyboard help');
    });
  } finally {
    await sshd.stop();
  }
});

test('an approver’s and an auditor’s pages are accessible in both themes; the approvals badge is a live region', async ({ seed, adminApi, loginAs }) => {
  const gated = await seed.resource({ tags: ['e2e', 'a11y'] });
  expect((await adminApi.patch(`/api/v1/resources/${gated.id}`, { data: { accessMode: 'approval' } })).ok()).toBe(true);
  const engineer = await seed.user({ roles: ['engineer'] });
  const engineerPage = await loginAs(engineer);
  const requested = await engineerPage.request.post('/api/v1/requests', {
    headers: fromPorthole(),
    data: { resourceId: gated.id, durationMinutes: 30, reason: 'Accessibility tour' },
  });
  expect(requested.status()).toBe(201);
  const { id: requestId } = (await requested.json()) as { id: string };
  const page = await loginAs(await seed.user({ roles: ['approver', 'auditor'] }));

  await test.step('the count beside Approvals is announced politely when it changes', async () => {
    const badge = page.getByTestId('approvals-badge');
    await expect(badge).toHaveAttribute('data-count', /^[1-9]\d*$/);
    await expect(page.getByRole('navigation', { name: 'Main' }).locator('[aria-live="polite"]').filter({ has: badge })).toHaveCount(1);
  });

  await tour(page, [
    { path: `/approvals?id=${requestId}`, name: 'Approvals inbox', ready: (p) => p.getByRole('article', { name: `Request from ${engineer.name}` }) },
    { path: '/approvals/grants', name: 'Active grants', ready: (p) => p.getByRole('heading', { level: 1 }) },
    { path: '/audit', name: 'Audit log', ready: (p) => p.getByRole('heading', { name: 'Audit log', level: 1 }) },
    { path: '/admin/retention', name: 'Retention & holds (auditor)', ready: (p) => p.getByRole('heading', { name: 'Retention & holds', level: 1 }) },
    { path: `/insights?userId=${engineer.id}`, name: 'Insights of another user (auditor)', ready: (p) => p.getByRole('heading', { level: 1 }) },
  ]);
});

// The admin's tour in two halves: ten pages in both themes took 66 s of the 90 s limit in CI,
// and more on a busier machine; halves run on both workers.
test('an admin’s user and resource pages are accessible in both themes', async ({ admin, seed }) => {
  const user = await seed.user({ roles: ['engineer'] });
  const resource = await seed.resource({ tags: ['e2e', 'a11y'] });
  await tour(admin, [
    { path: '/admin/users', name: 'Users', ready: (p) => p.getByRole('heading', { name: 'Users', level: 1 }) },
    { path: '/admin/users/new', name: 'New user', ready: (p) => p.getByRole('heading', { level: 1 }) },
    { path: `/admin/users/${user.id}`, name: 'Edit user', ready: (p) => p.getByRole('heading', { level: 1 }) },
    { path: '/admin/resources', name: 'Manage resources', ready: (p) => p.getByRole('heading', { level: 1 }) },
    { path: '/admin/resources/new', name: 'New resource', ready: (p) => p.getByRole('heading', { level: 1 }) },
    { path: `/admin/resources/${resource.id}`, name: 'Edit resource and its policy', ready: (p) => p.getByRole('heading', { level: 1 }) },
  ]);
});

test('an admin’s masking, webhook, retention and storage pages are accessible in both themes', async ({ admin }) => {
  await tour(admin, [
    { path: '/admin/masking', name: 'Masking rules', ready: (p) => p.getByRole('heading', { level: 1 }) },
    { path: '/admin/webhooks', name: 'Webhooks', ready: (p) => p.getByRole('heading', { level: 1 }) },
    { path: '/admin/retention', name: 'Retention & holds', ready: (p) => p.getByRole('heading', { name: 'Retention & holds', level: 1 }) },
    { path: '/admin/storage', name: 'Recording storage', ready: (p) => p.getByTestId('next-purge') },
  ]);
});

/**
 * The two consoles: Porthole's own parts (status bar, find bar, buttons, result grid, history)
 * are checked; the xterm and Monaco surfaces inside them are third-party widgets with their
 * own accessibility layers (xterm's screen-reader textarea, Monaco's aria-live), left out.
 */
const CONSOLE_WIDGETS = ['.xterm', '.monaco-editor'];

test('the terminal and the SQL console are accessible in both themes', async ({ seed, loginAs, adminApi, unique }) => {
  test.setTimeout(120_000);
  const sshd = await startSshd();
  const postgres = await startPostgres();
  try {
    const page = await loginAs(await seed.user({ roles: ['engineer'] }));

    const ssh = await createSshResource(adminApi, sshd, unique('a11y-ssh'));
    await page.goto(`/resources/${ssh.id}`);
    await page.getByRole('button', { name: 'Connect' }).click();
    const terminal = new TerminalPage(page);
    await terminal.expectStatus('connected');
    await terminal.run('echo a11y-$((6*7))');
    await terminal.waitForLine(/a11y-42/);
    await expectAccessible(page, 'Terminal', { exclude: CONSOLE_WIDGETS });
    await page.keyboard.press('Control+Shift+F');
    await expect(page.getByRole('searchbox')).toBeFocused();
    await expectAccessible(page, 'Terminal find bar', { exclude: CONSOLE_WIDGETS });
    await page.keyboard.press('Escape');

    const url = new URL(await createDatabase(postgres.url, `e2e_a11y_${randomBytes(4).toString('hex')}`));
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.query(
      "CREATE TABLE customers (id int PRIMARY KEY, name text, email text); INSERT INTO customers VALUES (1, 'Ada Lovelace', 'ada@example.com')",
    );
    await client.end();
    const created = await adminApi.post('/api/v1/resources', {
      data: {
        type: 'postgres',
        name: unique('a11y-pg'),
        tags: ['e2e'],
        host: '127.0.0.1',
        port: Number(url.port),
        username: url.username,
        password: decodeURIComponent(url.password),
        database: url.pathname.slice(1),
      },
    });
    expect(created.status()).toBe(201);
    const database = (await created.json()) as { id: string };
    await page.goto(`/resources/${database.id}`);
    await page.getByRole('button', { name: 'Open console' }).click();
    await page.waitForURL(/\/sql\/[0-9a-f-]{36}$/);
    await expect(page.locator('[data-status="connected"]')).toBeVisible({ timeout: 20_000 });
    await page.evaluate(() => window.__portholeSqlEditor?.setValue('select * from customers'));
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByRole('grid')).toContainText('Ada Lovelace');
    await expectAccessible(page, 'SQL console with a result', { exclude: CONSOLE_WIDGETS });
  } finally {
    await sshd.stop();
    await postgres.stop();
  }
});

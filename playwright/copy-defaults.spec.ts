import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Page } from '@playwright/test';
import { createDatabase, startPostgres, type TestPostgres } from '../test/harness/postgres';
import { startSshd, type Sshd } from '../test/harness/sshd';
import { connectTerminal } from '../test/harness/terminal-client';
import { expect, fromPorthole, test } from './fixtures';
import { CataloguePage } from './pages/CataloguePage';
import { ReplayPage } from './pages/ReplayPage';
import { createSshResource, type SshResource } from './ssh-target';

/**
 * Issue #19's copy and defaults, as a user meets them: the sessions page names SQL consoles
 * and says how one ended in words that fit; a form error shows once, next to its field; no
 * page load logs an error (the icon); the request and new-resource forms start safe.
 */
let postgres: TestPostgres;
let pgTarget: { host: string; port: number; username: string; password: string; database: string };
let sshd: Sshd;
let sshResource: SshResource;

test.beforeAll(async ({ adminApi }, testInfo) => {
  postgres = await startPostgres();
  const url = new URL(await createDatabase(postgres.url, `e2e_copy_${randomBytes(4).toString('hex')}`));
  const password = `pw-${randomBytes(9).toString('hex')}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`CREATE ROLE copy_console LOGIN PASSWORD '${password}'`);
  await client.end();
  pgTarget = { host: '127.0.0.1', port: Number(url.port), username: 'copy_console', password, database: url.pathname.slice(1) };
  sshd = await startSshd();
  sshResource = await createSshResource(adminApi, sshd, `copy-${testInfo.workerIndex}-${Date.now().toString(36)}`);
});

test.afterAll(async () => {
  await postgres?.stop();
  await sshd?.stop();
});

/** Console errors and failed same-origin responses while `page` is in use. */
function watchErrors(page: Page, origin: string): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.url().startsWith(origin) && response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  return errors;
}

test('pages load without a console error, and /favicon.ico is an icon', async ({ browser, harness, seed, loginAs }) => {
  const anonymous = await browser.newContext({ baseURL: harness.baseURL });
  const loginPage = await anonymous.newPage();
  const anonymousErrors = watchErrors(loginPage, harness.baseURL);
  await loginPage.goto('/login');
  await expect(loginPage.getByRole('button', { name: /sign in/i }).first()).toBeVisible();
  const icon = await loginPage.request.get('/favicon.ico');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toMatch(/^image\//);
  await anonymous.close();

  const page = await loginAs(await seed.user());
  const errors = watchErrors(page, harness.baseURL);
  for (const path of ['/resources', '/sessions', '/requests']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect([...anonymousErrors, ...errors]).toEqual([]);
});

test('the sessions page lists SQL consoles, and says how one ended in words for whoever reads it', async ({ adminApi, admin, seed, loginAs, unique }) => {
  test.setTimeout(90_000);
  const created = await adminApi.post('/api/v1/resources', { data: { type: 'postgres', name: unique('pg-copy'), tags: ['e2e'], ...pgTarget } });
  expect(created.status()).toBe(201);
  const resource = (await created.json()) as { id: string; name: string };
  const engineer = await seed.user();
  const page = await loginAs(engineer);

  // The card says what the resource page's button says.
  const catalogue = new CataloguePage(page);
  await page.goto(`/resources?q=${encodeURIComponent(resource.name)}`);
  await expect(catalogue.card(resource.name)).toContainText('Open console');
  await catalogue.card(resource.name).click();
  await page.getByRole('button', { name: 'Open console' }).click();
  await page.waitForURL(/\/sql\/[0-9a-f-]{36}$/);
  const sessionId = page.url().split('/').pop()!;
  await expect(page.locator('[data-status="connected"]')).toBeVisible({ timeout: 20_000 });

  // Leaving the page closes the console.
  await page.goto('/sessions');
  await expect
    .poll(async () => ((await (await page.request.get(`/api/v1/sessions/${sessionId}`)).json()) as { status?: string }).status, { timeout: 15_000 })
    .toBe('ended');
  await page.reload();
  await expect(page.getByText('Your terminals and SQL consoles, newest first.')).toBeVisible();
  const mine = page.getByRole('row').filter({ hasText: resource.name });
  await expect(mine).toContainText('You closed the console');
  await expect(mine).not.toContainText('shell');

  await admin.goto('/sessions');
  await expect(admin.getByText('Terminals and SQL consoles of every user, newest first.')).toBeVisible();
  const theirs = admin.getByRole('row').filter({ hasText: resource.name });
  await expect(theirs).toContainText('The user closed the console');
  await expect(theirs).not.toContainText('You ');
});

test('a note that ends before it starts gets one message, next to the end time', async ({ seed, loginAs, harness }) => {
  test.setTimeout(90_000);
  const page = await loginAs(await seed.user({ roles: ['engineer'] }));
  const created = await page.request.post('/api/v1/sessions', { headers: fromPorthole(), data: { resourceId: sshResource.id } });
  expect(created.status()).toBe(201);
  const { id, wsUrl } = (await created.json()) as { id: string; wsUrl: string };
  const term = await connectTerminal(`${wsUrl}&cols=100&rows=30`, { origin: harness.baseURL });
  await term.waitFor(/\$ $/);
  term.type('echo noted-$((2*21))\r');
  await term.waitFor(/noted-42/);
  term.type('exit\r');
  await term.closed;
  await expect.poll(async () => ((await (await page.request.get(`/api/v1/recordings/${id}`)).json()) as { status: string }).status).toBe('complete');

  await page.goto(`/recordings/${id}`);
  const replay = new ReplayPage(page);
  await replay.tab('Notes').click();
  await page.getByRole('button', { name: /Add a note at/ }).click();
  await page.getByRole('textbox', { name: 'Note time' }).fill('0:01');
  await page.getByRole('textbox', { name: 'Note end time' }).fill('0:00.5');
  await page.getByRole('textbox', { name: 'Note', exact: true }).fill('backwards');
  await page.getByRole('button', { name: 'Save note' }).click();

  const end = page.getByRole('textbox', { name: 'Note end time' });
  await expect(end).toHaveAttribute('aria-invalid', 'true');
  await expect(end).toHaveAccessibleDescription('The end must be after the start');
  await expect(page.getByText(/The end must be after the start/)).toHaveCount(1);
  await expect(page.getByText('endT')).toHaveCount(0);
});

test('forms start safe: a 1 h request, a new resource that needs approval with TLS required, and an SSH user name that is a user name', async ({
  admin,
  adminApi,
  seed,
  loginAs,
  unique,
}) => {
  const created = await adminApi.post('/api/v1/resources', {
    data: { type: 'postgres', name: unique('pg-request'), tags: ['e2e'], accessMode: 'approval', ...pgTarget },
  });
  expect(created.status()).toBe(201);
  const resource = (await created.json()) as { id: string };
  const page = await loginAs(await seed.user());
  await page.goto(`/resources/${resource.id}`);
  const duration = page.getByRole('combobox', { name: 'Duration' });
  await expect(duration).toHaveValue('60');
  await expect(duration.locator('option:checked')).toHaveText('1h 00m');

  await admin.goto('/admin/resources/new');
  await expect(admin.getByRole('combobox', { name: 'Access mode' })).toHaveValue('approval');
  await admin.getByRole('combobox', { name: 'Type' }).selectOption('postgres');
  const tls = admin.getByRole('combobox', { name: 'TLS' });
  await expect(tls).toHaveValue('require');
  await admin.getByRole('textbox', { name: /CA certificate/ }).fill('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----');
  await expect(tls).toHaveValue('verify-full');

  await admin.getByRole('combobox', { name: 'Type' }).selectOption('ssh');
  await admin.getByRole('textbox', { name: 'Name', exact: true }).fill(unique('ssh-bad-user'));
  await admin.getByRole('textbox', { name: 'Host', exact: true }).fill('10.20.30.41');
  const username = admin.getByRole('textbox', { name: 'Username', exact: true });
  await username.fill('root; rm -rf');
  await admin.getByLabel('Password', { exact: true }).fill('pw-not-used-123');
  await admin.getByRole('button', { name: 'Create resource' }).click();
  await expect(username).toHaveAttribute('aria-invalid', 'true');
  await expect(username).toHaveAccessibleDescription(/POSIX user name/);
  await expect(admin).toHaveURL(/\/admin\/resources\/new$/);
});

test('a new webhook shows its signing secret once, with a Copy button', async ({ admin, unique }) => {
  await admin.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await admin.goto('/admin/webhooks');
  await expect(admin.getByText('An https:// URL on the public internet.').or(admin.getByText(/https:\/\/, or http:\/\/ to this machine/))).toBeVisible();
  await admin.getByRole('textbox', { name: 'Name', exact: true }).fill(unique('hook'));
  await admin.getByRole('textbox', { name: 'URL' }).fill('https://hooks.example.com/services/copy');
  await admin.getByRole('button', { name: 'Add webhook' }).click();
  await expect(admin.getByLabel('Signing secret')).toContainText('whsec_');
  await admin.getByRole('button', { name: 'Copy' }).click();
  await expect(admin.getByRole('button', { name: 'Copied' })).toBeVisible();
});

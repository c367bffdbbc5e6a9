import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Page } from '@playwright/test';
import { createDatabase, startPostgres, type TestPostgres } from '../test/harness/postgres';
import { startSshd, type Sshd } from '../test/harness/sshd';
import { expect, test } from './fixtures';
import { TerminalPage } from './pages/TerminalPage';
import { createSshResource, type SshResource } from './ssh-target';

/**
 * The Content-Security-Policy allows scripts only by nonce; the terminal (xterm.js, WebGL, a
 * WebSocket) and the SQL console (Monaco and its worker) must still work under it, with no
 * violation reported.
 */

let sshd: Sshd;
let sshResource: SshResource;
let postgres: TestPostgres;
let pgTarget: { host: string; port: number; username: string; password: string; database: string };

test.beforeAll(async ({ adminApi }, testInfo) => {
  [sshd, postgres] = await Promise.all([startSshd(), startPostgres()]);
  sshResource = await createSshResource(adminApi, sshd, `csp-sshd-${testInfo.workerIndex}-${Date.now().toString(36)}`);
  const url = new URL(await createDatabase(postgres.url, `e2e_csp_${randomBytes(4).toString('hex')}`));
  const password = `pw-${randomBytes(9).toString('hex')}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`CREATE ROLE csp_console LOGIN PASSWORD '${password}'`);
  await client.end();
  pgTarget = { host: '127.0.0.1', port: Number(url.port), username: 'csp_console', password, database: url.pathname.slice(1) };
});

test.afterAll(async () => {
  await Promise.all([sshd?.stop(), postgres?.stop()]);
});

/** Every CSP violation the page reports, from the first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) fromConsole.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`));
  });
  return async () => [...fromConsole, ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []))];
}

test('pages carry a nonce-based CSP (no inline or eval scripts) and no HSTS over http', async ({ admin }) => {
  const response = await admin.goto('/resources');
  const policy = response?.headers()['content-security-policy'] ?? '';
  const scripts =
    policy
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src ')) ?? '';
  expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scripts).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(response?.headers()['strict-transport-security']).toBeUndefined();
  // Each response has its own nonce.
  const again = (await admin.goto('/resources'))?.headers()['content-security-policy'];
  expect(again).not.toBe(policy);
});

test('the terminal connects and runs a command under the CSP, with no violation', async ({ seed, loginAs }) => {
  test.setTimeout(60_000);
  const page = await loginAs(await seed.user({ roles: ['engineer'] }));
  const violations = await watchViolations(page);
  const terminal = new TerminalPage(page);
  await page.goto(`/resources/${sshResource.id}`);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page).toHaveURL(/\/terminal\/[0-9a-f-]{36}$/);
  await terminal.expectStatus('connected');
  await terminal.run('echo csp-$((40+2))');
  await terminal.waitForLine(/^csp-42$/);
  expect(await violations()).toEqual([]);
});

test('the SQL console editor takes typing and runs a query under the CSP, with no violation', async ({ adminApi, seed, loginAs, unique }) => {
  test.setTimeout(60_000);
  const created = await adminApi.post('/api/v1/resources', { data: { type: 'postgres', name: unique('csp-pg'), tags: ['e2e'], ...pgTarget } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const page = await loginAs(await seed.user());
  const violations = await watchViolations(page);
  await page.goto(`/resources/${id}`);
  await page.getByRole('button', { name: 'Open console' }).click();
  await page.waitForURL(/\/sql\/[0-9a-f-]{36}$/);
  await expect(page.locator('[data-status="connected"]')).toBeVisible({ timeout: 20_000 });

  // Typed as keystrokes into Monaco (its worker starts on first edit).
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('SELECT 6 * 7 AS answer;');
  await expect.poll(() => page.evaluate(() => window.__portholeSqlEditor?.getValue())).toBe('SELECT 6 * 7 AS answer;');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('[data-run-status="ok"]')).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Result rows' }).getByRole('gridcell', { name: '42' })).toBeVisible();
  expect(await violations()).toEqual([]);
});

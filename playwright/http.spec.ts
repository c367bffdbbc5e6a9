import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAccessible } from './support/axe';
import { shootPage } from './support/screenshots';

/**
 * The HTTP console end to end, against a real node `http` upstream started here on loopback:
 * an admin adds the API through the form with a bearer credential; an engineer opens the
 * console from the catalogue, sends a POST with a JSON body and sees the echo; the injected
 * credential (which the upstream echoes back) appears nowhere in the page, in "copy as curl",
 * in the replay or in the JSON export.
 */
const CREDENTIAL = 'porthole-test-credential-XYZ';
/** A value under a key named `token` in every echo: masked by key name, never shown. */
const TOKEN_VALUE = 's3cr3t-value';

let upstream: http.Server;
let baseUrl: string;

test.beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    // Hang up without answering: the console's error state.
    if (req.url?.startsWith('/api/hangup')) return void req.socket.destroy();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: echoed as text.
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body, token: TOKEN_VALUE }));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/api`;
});

test.afterAll(async () => {
  await new Promise((resolve) => upstream?.close(resolve));
});

/** Neither the injected credential nor a value masked by key name is anywhere in the page's HTML. */
async function expectNoSecrets(page: Page) {
  const html = await page.content();
  expect(html).not.toContain(CREDENTIAL);
  expect(html).not.toContain(TOKEN_VALUE);
}

async function createHttpResource(admin: Page, name: string): Promise<string> {
  await admin.goto('/admin/resources/new');
  await admin.getByLabel('Type', { exact: true }).selectOption('http');
  await expect(admin.getByLabel('Host', { exact: true })).toHaveCount(0);
  await admin.getByLabel('Name', { exact: true }).fill(name);
  await admin.getByLabel('Base URL').fill(baseUrl);
  await admin.getByLabel('Authentication').selectOption('bearer');
  await admin.getByRole('textbox', { name: 'Credential', exact: true }).fill(CREDENTIAL);
  // Open to engineers: the test is about the console, not the approval flow.
  await admin.getByLabel('Access mode').selectOption('open');
  await shootPage(admin, 'http-resource-form', { fullPage: true });
  await expectAccessible(admin, 'the HTTP API resource form');
  await admin.getByRole('button', { name: 'Create resource' }).click();
  await expect(admin).toHaveURL(/[?&]created=[0-9a-f-]{36}/);
  return /created=([0-9a-f-]{36})/.exec(admin.url())![1]!;
}

test('send a request from the HTTP console and replay the exchange, the injected credential absent everywhere', async ({ admin, seed, loginAs, unique }) => {
  test.setTimeout(180_000);
  const name = unique('api');
  const resourceId = await createHttpResource(admin, name);
  const page = await loginAs(await seed.user({ roles: ['engineer'] }));

  await test.step('the catalogue opens the console on the API', async () => {
    await page.goto('/resources');
    // The catalogue's type filter offers HTTP APIs (it listed SSH and the databases only).
    await page.getByLabel('Type', { exact: true }).selectOption('http');
    await expect(page).toHaveURL(/[?&]type=http/);
    await page.getByRole('link', { name: new RegExp(name) }).click();
    await expect(page).toHaveURL(new RegExp(`/resources/${resourceId}$`));
    await page.getByRole('button', { name: 'Open console' }).click();
    await page.waitForURL(/\/http\/[0-9a-f-]{36}$/);
    await expect(page.locator('[data-status="connected"]')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText(baseUrl).first()).toBeVisible();
    await shootPage(page, 'http-console-empty');
  });
  const sessionId = page.url().split('/').pop()!;
  const response = page.getByRole('region', { name: 'Response' });

  await test.step('a POST with a query, a header and a JSON body comes back echoed', async () => {
    await page.getByLabel('Method').selectOption('POST');
    await page.getByLabel('Path').fill('/echo');
    await page.getByRole('button', { name: '+ Add parameter' }).click();
    await page.getByLabel('Parameter 1 name').fill('dry');
    await page.getByLabel('Parameter 1 value').fill('true');
    await page
      .getByRole('tab', { name: /^Headers/ })
      .first()
      .click();
    await page.getByRole('button', { name: '+ Add header' }).click();
    await page.getByLabel('Header 1 name').fill('X-Trace');
    await page.getByLabel('Header 1 value').fill('e2e');
    await page.getByRole('tab', { name: /^Body/ }).click();
    await expect.poll(() => page.evaluate(() => window.__portholeHttpBody !== undefined), { timeout: 20_000 }).toBe(true);
    await page.evaluate(() => window.__portholeHttpBody?.setValue('{"hello":"world","n":42}'));
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(response.locator('[data-exchange-status="done"]')).toBeVisible({ timeout: 20_000 });
    await expect(response.getByTestId('response-status')).toHaveText(/^200\b/);
    const body = response.getByLabel('Response body');
    await expect(body).toContainText('"hello": "world"');
    await expect(body).toContainText('"url": "/api/echo?dry=true"');
    await expect(body).toContainText('"x-trace": "e2e"');
    await expectNoSecrets(page);
    // The request as it went: the credential's header is there, its value is not.
    await response.getByRole('tab', { name: 'Request' }).click();
    await expect(response.getByRole('table', { name: 'Request headers' })).toContainText('[injected by Porthole]');
    await response.getByRole('tab', { name: 'Body' }).click();
    await shootPage(page, 'http-console-response');
    await expectAccessible(page, 'the HTTP console with a response');
  });

  await test.step('copy as curl goes through the proxy with a token placeholder', async () => {
    await page.getByRole('button', { name: 'Copy as curl' }).click();
    const curl = page.getByLabel('curl command');
    await expect(curl).toContainText(`/proxy/${resourceId}/echo?dry=true`);
    await expect(curl).toContainText('Authorization: Bearer $PORTHOLE_TOKEN');
    await expect(curl).toContainText(`--data-binary '{"hello":"world","n":42}'`);
    await expectNoSecrets(page);
    await page.getByRole('button', { name: 'Close', exact: true }).click();
  });

  await test.step('an upstream that hangs up shows an error, not a response', async () => {
    await page.getByLabel('Method').selectOption('GET');
    await page.getByLabel('Path').fill('/hangup');
    await page.getByLabel('Path').press('Enter');
    await expect(response.locator('[data-exchange-status="error"]')).toBeVisible({ timeout: 20_000 });
    await expect(response.getByRole('alert')).not.toBeEmpty();
    await expect(page.getByRole('complementary', { name: 'Request history' }).getByRole('listitem')).toHaveCount(2);
    await shootPage(page, 'http-console-error');
  });

  await test.step('an auditor may watch or terminate the live console; the watch shows both exchanges so far (watch-http.spec watches live)', async () => {
    const auditor = await loginAs(await seed.user({ roles: ['auditor'] }));
    await auditor.goto('/sessions');
    const row = auditor.getByRole('table', { name: 'Sessions' }).getByRole('row').filter({ hasText: name });
    await expect(row.getByRole('button', { name: /^Terminate / })).toBeVisible();
    await row.getByRole('link', { name: /^Watch / }).click();
    await expect(auditor.getByTestId('watch-http')).toHaveAttribute('data-status', 'watching', { timeout: 20_000 });
    await expect(auditor.getByRole('list', { name: 'Exchanges' }).getByRole('listitem')).toHaveCount(2);
    await expectNoSecrets(auditor);
    await auditor.close();
  });

  await test.step('the replay lists both exchanges on the timeline and shows the echo, masked', async () => {
    await page.goto('/sessions');
    await expect
      .poll(async () => ((await (await page.request.get(`/api/v1/recordings/${sessionId}`)).json()) as { status?: string }).status, { timeout: 30_000 })
      .toBe('complete');
    await page.goto(`/recordings/${sessionId}`);
    await expect(page.locator('[data-status="ready"]')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('recording-figures')).toHaveText('2 exchanges · 1 error');
    await expect(page.getByTestId('exchange-marker')).toHaveCount(2);
    const list = page.getByRole('list', { name: 'Exchanges' });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await list.getByRole('button', { name: /POST \/echo/ }).click();
    const exchange = page.getByRole('region', { name: 'Exchange' });
    await expect(exchange.getByTestId('response-status')).toHaveText(/^200\b/);
    await expect(exchange.getByLabel('Response body')).toContainText('"hello": "world"');
    await expectNoSecrets(page);
    await shootPage(page, 'http-replay', { fullPage: true });
    await expectAccessible(page, 'the replay of an HTTP console session');
  });

  await test.step('the JSON export holds the exchanges, masked', async () => {
    await page.getByText('Export', { exact: true }).click();
    await expect(page.getByRole('link', { name: /asciicast/ })).toHaveCount(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^JSON/ }).click()]);
    const text = await readFile(await download.path(), 'utf8');
    expect(text).toContain('/echo');
    expect(text).not.toContain(CREDENTIAL);
    expect(text).not.toContain(TOKEN_VALUE);
  });
});

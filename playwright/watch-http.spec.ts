import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { expectAccessible } from './support/axe';
import { shootPage } from './support/screenshots';

/**
 * An auditor watches an engineer's live HTTP console, against a real node `http` upstream on
 * loopback: each request appears as it is sent, with its status, and its masked request and
 * response on a click; the injected credential (which the upstream echoes back) and a value
 * masked by key name are nowhere on the watch page; the engineer sees who watches; Terminate ends it.
 */
const CREDENTIAL = 'porthole-watch-credential-XYZ';
const TOKEN_VALUE = 'w4tch-s3cr3t';

let upstream: http.Server;
let baseUrl: string;

test.beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, token: TOKEN_VALUE }));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/api`;
});

test.afterAll(async () => {
  await new Promise((resolve) => upstream?.close(resolve));
});

test('an auditor watches an engineer’s HTTP console live: requests appear, masked, the banner, and terminate', async ({ adminApi, seed, loginAs, unique }) => {
  test.setTimeout(180_000);
  const created = await adminApi.post('/api/v1/resources', {
    data: { type: 'http', name: unique('api-watch'), tags: ['e2e'], baseUrl, auth: { kind: 'bearer' }, credential: CREDENTIAL, tls: { mode: 'disable' } },
  });
  expect(created.status()).toBe(201);
  const resource = (await created.json()) as { id: string };
  const engineer = await seed.user({ roles: ['engineer'], name: 'Erin Engineer' });
  const auditorPage = await loginAs(await seed.user({ roles: ['auditor'], name: 'Ada Auditor' }));
  const engineerPage = await loginAs(engineer);
  await auditorPage.setViewportSize({ width: 1440, height: 900 });
  const watched = auditorPage.getByTestId('watch-http');
  const requests = auditorPage.getByRole('list', { name: 'Exchanges' }).getByRole('listitem');

  await test.step('the engineer opens a console; the auditor opens Watch from the sessions list', async () => {
    await engineerPage.goto(`/resources/${resource.id}`);
    await engineerPage.getByRole('button', { name: 'Open console' }).click();
    await engineerPage.waitForURL(/\/http\/[0-9a-f-]{36}$/);
    await expect(engineerPage.locator('[data-status="connected"]')).toBeVisible({ timeout: 20_000 });
    await auditorPage.goto('/sessions');
    const row = auditorPage.getByRole('table', { name: 'Sessions' }).getByRole('row').filter({ hasText: engineer.email });
    await expect(row.getByText('Live')).toBeVisible({ timeout: 15_000 });
    await row.getByRole('link', { name: /^Watch / }).click();
    await expect(watched).toHaveAttribute('data-status', 'watching', { timeout: 20_000 });
    await expect(auditorPage.getByText('No requests yet')).toBeVisible();
    await expect(engineerPage.getByTestId('watched-banner')).toHaveText('Ada Auditor is watching this session.');
    await shootPage(auditorPage, 'watch-http-empty', { sizes: ['desktop'] });
  });

  await test.step('a request the engineer sends appears live with its status; its masked response on a click', async () => {
    await engineerPage.getByLabel('Method').selectOption('GET');
    await engineerPage.getByLabel('Path').fill('/orders');
    await engineerPage.getByLabel('Path').press('Enter');
    await expect(engineerPage.getByRole('region', { name: 'Response' }).locator('[data-exchange-status="done"]')).toBeVisible({ timeout: 20_000 });
    await expect(requests).toHaveCount(1, { timeout: 15_000 });
    await expect(requests.first()).toContainText('GET /orders');
    await expect(requests.first()).toContainText('200');
    await requests.first().getByRole('button').click();
    const exchange = auditorPage.getByRole('region', { name: 'Exchange' });
    await expect(exchange.getByLabel('Response body')).toContainText('"url": "/api/orders"');
    await exchange.getByRole('tab', { name: 'Request' }).click();
    await expect(exchange.getByRole('table', { name: 'Request headers' })).toContainText('[injected by Porthole]');
    const html = await auditorPage.content();
    expect(html).not.toContain(CREDENTIAL);
    expect(html).not.toContain(TOKEN_VALUE);
    await expectAccessible(auditorPage, 'Watch an HTTP console');
    await shootPage(auditorPage, 'watch-http');
  });

  await test.step('terminate from the watch page: the engineer reads the reason, the watch shows the end', async () => {
    const reason = 'Calling the admin API outside the window';
    await auditorPage.getByRole('button', { name: 'Terminate Erin Engineer’s session' }).click();
    const dialog = auditorPage.getByRole('dialog', { name: 'Terminate Erin Engineer’s session' });
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: 'Terminate session' }).click();
    // The banner's title says "Session terminated"; its detail does not say it again.
    await expect(engineerPage.getByText(`By Ada Auditor: ${reason}`)).toBeVisible({ timeout: 15_000 });
    await expect(watched).toHaveAttribute('data-status', 'closed', { timeout: 15_000 });
    await expect(auditorPage.getByRole('status').filter({ hasText: 'Session terminated' })).toBeVisible();
  });
});

import type { Page } from '@playwright/test';
import { DemoPgFront } from '../server/demo/postgres/demo-pg-front';
import { demoSeedSql } from '../server/demo/postgres/demo-seed';
import { expect, test } from './fixtures';

/**
 * The SQL console on the demo database (PGlite in a worker, served by Porthole's wire front),
 * started here on loopback like demo mode starts it: a long statement can be cancelled, and
 * a 500-row result gets columns as wide as their text.
 */
let demo: DemoPgFront;
let port: number;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  demo = new DemoPgFront(demoSeedSql());
  port = await demo.listen();
});

test.afterAll(async () => {
  await demo?.close();
});

async function setEditor(page: Page, text: string) {
  await page.evaluate((value) => window.__portholeSqlEditor?.setValue(value), text);
}

async function openConsole(page: Page, resourceId: string) {
  await page.goto(`/resources/${resourceId}`);
  await page.getByRole('button', { name: 'Open console' }).click();
  await page.waitForURL(/\/sql\/[0-9a-f-]{36}$/);
  await expect(page.locator('[data-status="connected"]')).toBeVisible({ timeout: 30_000 });
}

let resourceId: string;

test.beforeEach(async ({ adminApi, unique }) => {
  if (resourceId) return;
  const created = await adminApi.post('/api/v1/resources', {
    data: {
      type: 'postgres',
      name: unique('demo-db'),
      tags: ['e2e'],
      host: '127.0.0.1',
      port,
      username: 'postgres',
      password: 'porthole-demo',
      database: 'postgres',
    },
  });
  expect(created.status()).toBe(201);
  resourceId = ((await created.json()) as { id: string }).id;
});

async function consoleFor(loginAs: (user: { email: string; password: string }) => Promise<Page>, user: { email: string; password: string }): Promise<Page> {
  const page = await loginAs(user);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openConsole(page, resourceId);
  return page;
}

test('the suggestion list closes when the statement runs', async ({ seed, loginAs }) => {
  test.setTimeout(90_000);
  const page = await consoleFor(loginAs, await seed.user());
  await setEditor(page, 'SELECT id, name, city, plan FROM customers ORDER BY id');
  await page.keyboard.press('End');
  await page.keyboard.press('Control+Space');
  await expect(page.locator('.suggest-widget:visible')).toHaveCount(1);
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('[data-run-status="ok"]')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.suggest-widget:visible')).toHaveCount(0);
});

test('500 rows: columns as wide as their text; drag the edge to widen, double-click to fit', async ({ seed, loginAs }) => {
  test.setTimeout(90_000);
  const page = await consoleFor(loginAs, await seed.user());
  const grid = page.getByRole('grid', { name: 'Result rows' });
  await setEditor(page, 'SELECT id, name, city, plan FROM customers ORDER BY id');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('result-summary')).toHaveText('500 rows', { timeout: 20_000 });

  const nameHeader = grid.getByRole('columnheader', { name: /^name/ });
  const nameCells = grid.locator('[role="row"] > [role="gridcell"]:nth-child(3)');
  await test.step('no name is cut off', async () => {
    await expect(nameCells.first()).toBeVisible();
    expect((await nameHeader.boundingBox())!.width).toBeGreaterThan(100);
    const clipped = await nameCells.evaluateAll((cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => cell.textContent));
    expect(clipped).toEqual([]);
    expect(await nameCells.count()).toBeGreaterThan(10);
  });

  await test.step('drag, then double-click', async () => {
    const before = (await nameHeader.boundingBox())!.width;
    const edge = (await grid.getByRole('separator', { name: 'Resize name' }).boundingBox())!;
    await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
    await page.mouse.down();
    await page.mouse.move(edge.x + edge.width / 2 + 60, edge.y + edge.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Math.round((await nameHeader.boundingBox())!.width - before)).toBe(60);
    await grid.getByRole('separator', { name: 'Resize name' }).dblclick();
    // Fitted to every loaded name (the first sizing read a sample): about the width it had, not the dragged one.
    await expect.poll(async () => Math.round((await nameHeader.boundingBox())!.width - before)).toBeLessThan(30);
    expect((await nameHeader.boundingBox())!.width).toBeGreaterThanOrEqual(before - 1);
  });
});

test('cancel a 30 s sleep: Cancelled within seconds, never ok; the console goes on', async ({ seed, loginAs }) => {
  test.setTimeout(120_000);
  const page = await consoleFor(loginAs, await seed.user());
  // A first statement loads the catalog, so the sleep below starts at once.
  await setEditor(page, 'SELECT 1;');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('[data-run-status="ok"]')).toBeVisible({ timeout: 20_000 });
  await setEditor(page, 'SELECT pg_sleep(30);');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('[data-run-status="running"]')).toBeVisible();
  // As a person would: the sleep is under way when Cancel is pressed.
  await page.waitForTimeout(1_000);
  const started = Date.now();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.locator('[data-run-status="cancelled"]')).toBeVisible({ timeout: 8_000 });
  expect(Date.now() - started).toBeLessThan(8_000);
  await expect(page.getByTestId('result-summary')).toHaveText('Cancelled');
  await expect(page.getByRole('alert').filter({ hasText: 'The statement was cancelled.' })).toContainText('restarted');
  await expect(page.getByTestId('result-summary')).not.toHaveText(/ok|row/);

  await setEditor(page, 'SELECT count(*) AS n FROM customers;');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('[data-run-status="ok"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('grid', { name: 'Result rows' }).getByRole('gridcell', { name: '500' })).toBeVisible();
});

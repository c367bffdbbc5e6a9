import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Page } from '@playwright/test';
import { createDatabase, startPostgres, type TestPostgres } from '../test/harness/postgres';
import { expect, fromPorthole, test } from './fixtures';
import { expectAccessible } from './support/axe';
import { shootPage } from './support/screenshots';

/**
 * An auditor watches an engineer's live SQL console: statements and their outcomes appear as
 * they run (a typed secret masked), a held statement and who denied it, the engineer sees who
 * watches, and Terminate ends it. PAGE_SCREENSHOTS=<dir> keeps screenshots of the pages there.
 */
const SECRET = 'AKIAIOSFODNN7EXAMPLE';
let postgres: TestPostgres;
let target: { host: string; port: number; username: string; password: string; database: string };

test.beforeAll(async () => {
  postgres = await startPostgres();
  const url = new URL(await createDatabase(postgres.url, `e2e_sqlwatch_${randomBytes(4).toString('hex')}`));
  const password = `pw-${randomBytes(9).toString('hex')}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`CREATE ROLE console LOGIN PASSWORD '${password}'`);
  await client.query('CREATE TABLE orders (id int PRIMARY KEY, note text)');
  await client.query(`INSERT INTO orders VALUES (1, 'gift wrap'), (2, NULL), (3, 'express')`);
  await client.query('GRANT ALL ON orders TO console');
  await client.end();
  target = { host: '127.0.0.1', port: Number(url.port), username: 'console', password, database: url.pathname.slice(1) };
});

test.afterAll(async () => {
  await postgres?.stop();
});

async function run(page: Page, sql: string, status: string) {
  await page.evaluate((value) => window.__portholeSqlEditor?.setValue(value), sql);
  await page.keyboard.press('Control+Enter');
  await expect(page.locator(`[data-run-status="${status}"]`).last()).toBeVisible({ timeout: 15_000 });
}

test('an auditor watches an engineer’s SQL console live: statements, row counts, a denied one, the banner, and terminate', async ({
  adminApi,
  seed,
  loginAs,
  unique,
}) => {
  test.setTimeout(180_000);
  const created = await adminApi.post('/api/v1/resources', { data: { type: 'postgres', name: unique('pg-watch'), tags: ['e2e'], ...target } });
  expect(created.status()).toBe(201);
  const resource = (await created.json()) as { id: string };
  const engineer = await seed.user({ roles: ['engineer'], name: 'Erin Engineer' });
  const auditorPage = await loginAs(await seed.user({ roles: ['auditor'], name: 'Ada Auditor' }));
  const engineerPage = await loginAs(engineer);
  const approverPage = await loginAs(await seed.user({ roles: ['approver'], name: 'Ana Approver' }));
  await auditorPage.setViewportSize({ width: 1440, height: 900 });
  await engineerPage.setViewportSize({ width: 1280, height: 800 });
  const watched = auditorPage.getByTestId('watch-sql');
  const statements = auditorPage.getByRole('list', { name: 'Statements' }).getByRole('listitem');

  await test.step('the engineer opens a console; the auditor opens Watch from the sessions list', async () => {
    await engineerPage.goto(`/resources/${resource.id}`);
    await engineerPage.getByRole('button', { name: 'Open console' }).click();
    await engineerPage.waitForURL(/\/sql\/[0-9a-f-]{36}$/);
    await expect(engineerPage.locator('[data-status="connected"]')).toBeVisible({ timeout: 20_000 });
    await auditorPage.goto('/sessions');
    const row = auditorPage.getByRole('table', { name: 'Sessions' }).getByRole('row').filter({ hasText: engineer.email });
    await expect(row.getByText('Live')).toBeVisible({ timeout: 15_000 });
    await row.getByRole('link', { name: /^Watch / }).click();
    await expect(watched).toHaveAttribute('data-status', 'watching', { timeout: 20_000 });
    await expect(auditorPage.getByText('No statements yet')).toBeVisible();
    await expect(engineerPage.getByTestId('watched-banner')).toHaveText('Ada Auditor is watching this session.');
    await shootPage(auditorPage, 'watch-sql-empty', { sizes: ['desktop'] });
  });

  await test.step('each statement appears with its row count or command as it runs; a typed secret is masked', async () => {
    await run(engineerPage, 'SELECT id, note FROM orders ORDER BY id;', 'ok');
    await expect(statements.filter({ hasText: 'SELECT id, note FROM orders ORDER BY id' })).toContainText('3 rows');
    await run(engineerPage, `SELECT '${SECRET}' AS key;`, 'ok');
    await expect(statements).toHaveCount(2);
    await expect(statements.nth(1)).toContainText('1 row');
    await expect(statements.nth(1)).toContainText('[MASKED');
    await expect(watched).not.toContainText(SECRET);
    await run(engineerPage, 'SELECT * FROM no_such_table;', 'error');
    await expect(statements.nth(2)).toContainText('no_such_table');
    await expect(statements.nth(2)).toContainText('failed');
  });

  await test.step('a held statement, then who denied it', async () => {
    await run(engineerPage, 'DELETE FROM orders;', 'held');
    await expect(auditorPage.locator('[data-entry-kind="held"]')).toContainText('Held for review');
    let reviews: { id: string }[] = [];
    await expect
      .poll(async () => {
        reviews = (await (await approverPage.request.get('/api/v1/sql-reviews')).json()) as { id: string }[];
        return reviews.length;
      })
      .toBe(1);
    const denied = await approverPage.request.post(`/api/v1/sql-reviews/${reviews[0]!.id}/deny`, { data: { comment: 'Not today' }, headers: fromPorthole() });
    expect(denied.status()).toBe(200);
    await expect(auditorPage.locator('[data-entry-kind="denied"]')).toContainText('Denied by Ana Approver');
    await expect(auditorPage.locator('[data-entry-kind="denied"]')).toContainText('Not today');
    await expectAccessible(auditorPage, 'Watch a SQL console');
    await shootPage(auditorPage, 'watch-sql');
    await shootPage(engineerPage, 'watched-sql-console', { sizes: ['desktop'] });
  });

  await test.step('terminate from the watch page: the engineer reads the reason, the watch shows the end', async () => {
    const reason = 'Deleting outside the change window';
    await auditorPage.getByRole('button', { name: 'Terminate Erin Engineer’s session' }).click();
    const dialog = auditorPage.getByRole('dialog', { name: 'Terminate Erin Engineer’s session' });
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: 'Terminate session' }).click();
    // The banner's title says "Session terminated"; its detail does not say it again.
    await expect(engineerPage.getByText(`By Ada Auditor: ${reason}`)).toBeVisible({ timeout: 15_000 });
    await expect(engineerPage.getByTestId('watched-banner')).toHaveCount(0);
    await expect(watched).toHaveAttribute('data-status', 'closed', { timeout: 15_000 });
    await expect(auditorPage.getByRole('status').filter({ hasText: 'Session terminated' })).toBeVisible();
  });
});

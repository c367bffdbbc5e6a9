import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Page } from '@playwright/test';
import { createDatabase, startPostgres, type TestPostgres } from '../test/harness/postgres';
import { expect, test } from './fixtures';

/**
 * The SQL console end to end, against a real PostgreSQL started here on loopback: open a
 * console from the resource page, autocomplete a column, run a query, see masked cards in
 * the grid, cancel a long query, then replay the session at a chosen statement.
 */
let postgres: TestPostgres;
let target: { host: string; port: number; username: string; password: string; database: string };

test.beforeAll(async () => {
  postgres = await startPostgres();
  const url = new URL(await createDatabase(postgres.url, `e2e_sql_${randomBytes(4).toString('hex')}`));
  const password = `pw-${randomBytes(9).toString('hex')}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`CREATE ROLE console LOGIN PASSWORD '${password}'`);
  await client.query('CREATE TABLE customers (id int PRIMARY KEY, name text, email text, card_number text, notes text)');
  await client.query(
    `INSERT INTO customers VALUES
      (1, 'Ada Lovelace', 'ada@example.com', '4111 1111 1111 1111', 'prefers e-mail'),
      (2, 'Grace Hopper', 'grace@example.com', '5500 0000 0000 0004', 'paid with 4012 8888 8888 1881'),
      (3, 'Alan Turing', 'alan@example.com', NULL, NULL)`,
  );
  await client.query('GRANT SELECT ON customers TO console');
  await client.end();
  target = { host: '127.0.0.1', port: Number(url.port), username: 'console', password, database: url.pathname.slice(1) };
});

test.afterAll(async () => {
  await postgres?.stop();
});

/** The console's editor, driven through the handle it exposes for tests (Monaco's DOM is not a textarea). */
async function setEditor(page: Page, text: string) {
  await page.evaluate((value) => window.__portholeSqlEditor?.setValue(value), text);
}

test('query a database in the browser: autocomplete, masked grid, cancel, replay', async ({ adminApi, seed, loginAs, unique }) => {
  test.setTimeout(120_000);
  const created = await adminApi.post('/api/v1/resources', {
    data: { type: 'postgres', name: unique('pg'), tags: ['e2e'], ...target },
  });
  expect(created.status()).toBe(201);
  const resource = (await created.json()) as { id: string; name: string };
  const engineer = await seed.user();
  const page = await loginAs(engineer);

  await page.goto(`/resources/${resource.id}`);
  await page.getByRole('button', { name: 'Open console' }).click();
  await page.waitForURL(/\/sql\/[0-9a-f-]{36}$/);
  const sessionId = page.url().split('/').pop()!;
  await expect(page.locator('[data-status="connected"]')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('banner').getByText('PostgreSQL 15')).toBeVisible();

  // Autocomplete offers a column of the schema the gateway sent.
  await setEditor(page, 'SELECT card_n');
  await page.keyboard.press('End');
  // The schema arrives over the socket after "connected": asked too early, the editor has
  // nothing to offer yet, as a person would see and ask again.
  await expect(async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Space');
    await expect(page.locator('.suggest-widget')).toContainText('card_number', { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await page.keyboard.press('Escape');

  // Run the statement under the cursor; the grid shows masked cards and e-mails.
  await setEditor(page, 'SELECT id, name, email, card_number, notes\nFROM customers\nORDER BY id;');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('[data-run-status="ok"]')).toBeVisible();
  await expect(page.getByTestId('result-summary')).toHaveText('3 rows');
  const grid = page.getByRole('grid', { name: 'Result rows' });
  await expect(grid.getByRole('gridcell', { name: '[MASKED]1111' })).toBeVisible();
  await expect(grid.getByRole('gridcell', { name: '[MASKED]@example.com' }).first()).toBeVisible();
  await expect(grid).not.toContainText('4111 1111 1111 1111');
  await expect(grid).not.toContainText('4012 8888 8888 1881');
  await expect(grid.locator('[data-null]').first()).toHaveText('NULL');

  // A long query is cancelled from the browser.
  await setEditor(page, 'SELECT pg_sleep(30);');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('[data-run-status="running"]')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.locator('[data-run-status="cancelled"]')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'cancelled' })).toBeVisible();

  // Run all stops at a statement that fails, and says which did not run.
  await setEditor(page, 'SELECT 1 AS one;\nSELECT * FROM no_such_table;\nSELECT 3 AS three;\nSELECT 4 AS four;');
  await page.getByRole('button', { name: 'Run all' }).click();
  await expect(page.locator('[data-run-status="error"]')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'no_such_table' })).toContainText('The script stopped here. Statements 3 and 4 of 4 did not run.');
  await expect(page.getByRole('tab', { name: /^Result / })).toHaveCount(2);
  // An earlier statement's result still says the script stopped, and why.
  await page.getByRole('tab', { name: 'Result 1' }).click();
  await expect(page.getByTestId('not-run')).toHaveText('The script stopped at a statement that failed. Statements 3 and 4 of 4 did not run.');

  // Disconnect from the bar ends the session; then replay it at the first statement.
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByText('You disconnected')).toBeVisible();
  // As under a terminal: the way back to the resource, and to its recording.
  await expect(page.getByRole('link', { name: `Back to ${resource.name}` })).toHaveAttribute('href', `/resources/${resource.id}`);
  await expect(page.getByRole('link', { name: 'View the recording' })).toHaveAttribute('href', `/recordings/${sessionId}`);
  await expect(page.getByRole('button', { name: 'Disconnect' })).toHaveCount(0);
  await page.goto('/sessions');
  // The recording is sealed once the gateway has ended the session.
  await expect
    .poll(async () => ((await (await page.request.get(`/api/v1/sessions/${sessionId}`)).json()) as { status?: string }).status, { timeout: 15_000 })
    .toBe('ended');
  await page.goto(`/recordings/${sessionId}`);
  await expect(page.locator('[data-status="ready"]')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: /^Statement 1 at / }).click();
  await expect(page.getByTestId('replay-editor')).toContainText('FROM customers');
  const replayGrid = page.getByRole('grid', { name: 'Result rows' });
  await expect(replayGrid.getByRole('gridcell', { name: '[MASKED]1111' })).toBeVisible();
  await expect(replayGrid).not.toContainText('4111 1111 1111 1111');
  await page.getByRole('button', { name: /^Statement 2 at / }).click();
  await expect(page.getByTestId('replay-editor')).toContainText('pg_sleep');
});

test('a reload asks first while connected, and the tab keeps the editor’s draft for the next console', async ({ adminApi, seed, loginAs, unique }) => {
  const created = await adminApi.post('/api/v1/resources', { data: { type: 'postgres', name: unique('pg-draft'), ...target } });
  expect(created.status()).toBe(201);
  const resource = (await created.json()) as { id: string };
  const page = await loginAs(await seed.user());
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });

  await page.goto(`/resources/${resource.id}`);
  await page.getByRole('button', { name: 'Open console' }).click();
  await page.waitForURL(/\/sql\/[0-9a-f-]{36}$/);
  const firstSession = page.url().split('/').pop()!;
  await expect(page.locator('[data-status="connected"]')).toBeVisible({ timeout: 20_000 });
  const draft = '-- the report I was writing\nSELECT count(*) AS kept_draft FROM customers;';
  await setEditor(page, draft);
  // The browser asks before leaving only a page the user has interacted with.
  await page.locator('.monaco-editor').first().click();

  await page.reload();
  expect(dialogs).toEqual(['beforeunload']);
  await expect(page.getByRole('button', { name: 'Open a new console' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('region', { name: 'Results' })).toHaveText('This session has ended: open a new console below to run statements.');
  await page.getByRole('button', { name: 'Open a new console' }).click();
  await page.waitForURL((url) => /\/sql\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(firstSession));
  await expect(page.locator('[data-status="connected"]')).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => page.evaluate(() => window.__portholeSqlEditor?.getValue())).toBe(draft);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('result-summary')).toHaveText('1 row');
});

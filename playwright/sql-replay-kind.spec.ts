import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import type { Page } from '@playwright/test';
import { createDatabase, startPostgres, type TestPostgres } from '../test/harness/postgres';
import { expect, fromPorthole, test } from './fixtures';

/**
 * A SQL recording replayed as what it is: a normal statement, an error, a statement held and
 * approved, one held and denied; the replay lists each at its moment, the header counts
 * statements and rows, the export is a .sql script (a planted secret masked), and a note is
 * kept on it. SQLREC_SHOTS=<dir> also saves screenshots of the replay (desktop and phone, light and dark).
 */
const SECRET = 'AKIAIOSFODNN7EXAMPLE';
let postgres: TestPostgres;
let target: { host: string; port: number; username: string; password: string; database: string };

test.beforeAll(async () => {
  postgres = await startPostgres();
  const url = new URL(await createDatabase(postgres.url, `e2e_sqlkind_${randomBytes(4).toString('hex')}`));
  const password = `pw-${randomBytes(9).toString('hex')}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`CREATE ROLE console LOGIN PASSWORD '${password}'`);
  await client.query('CREATE TABLE orders (id int PRIMARY KEY, note text)');
  await client.query(`INSERT INTO orders VALUES (1, 'deploy key ${SECRET}'), (2, 'gift wrap'), (3, NULL)`);
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
  await expect(page.locator(`[data-run-status="${status}"]`)).toBeVisible({ timeout: 15_000 });
}

/** The approver decides the one pending review through the API, as the inbox would. */
async function decide(approver: Page, decision: 'approve' | 'deny', comment: string) {
  let reviews: { id: string }[] = [];
  await expect
    .poll(async () => {
      reviews = (await (await approver.request.get('/api/v1/sql-reviews')).json()) as { id: string }[];
      return reviews.length;
    })
    .toBe(1);
  const response = await approver.request.post(`/api/v1/sql-reviews/${reviews[0]!.id}/${decision}`, { data: { comment }, headers: fromPorthole() });
  expect(response.status()).toBe(200);
}

test('a SQL replay shows held, approved and denied statements, counts statements and rows, exports .sql and keeps a note', async ({
  adminApi,
  seed,
  loginAs,
  unique,
}) => {
  test.setTimeout(180_000);
  const created = await adminApi.post('/api/v1/resources', { data: { type: 'postgres', name: unique('pg-kind'), tags: ['e2e'], ...target } });
  expect(created.status()).toBe(201);
  const resource = (await created.json()) as { id: string };
  const page = await loginAs(await seed.user());
  const approver = await loginAs(await seed.user({ roles: ['approver'], name: 'Ana Approver' }));

  await page.goto(`/resources/${resource.id}`);
  await page.getByRole('button', { name: 'Open console' }).click();
  await page.waitForURL(/\/sql\/[0-9a-f-]{36}$/);
  const sessionId = page.url().split('/').pop()!;
  await expect(page.locator('[data-status="connected"]')).toBeVisible({ timeout: 20_000 });
  await run(page, 'SELECT id, note FROM orders ORDER BY id;', 'ok');
  await run(page, 'SELECT * FROM no_such_table;', 'error');
  await run(page, 'DELETE FROM orders;', 'held');
  await decide(approver, 'approve', 'Go ahead');
  await expect(page.locator('[data-run-status="ok"]')).toBeVisible({ timeout: 15_000 });
  await run(page, 'UPDATE orders SET note = NULL;', 'held');
  await decide(approver, 'deny', 'Not today');
  await expect(page.locator('[data-run-status="denied"]')).toBeVisible({ timeout: 15_000 });

  await page.goto('/sessions');
  await expect
    .poll(async () => ((await (await page.request.get(`/api/v1/sessions/${sessionId}`)).json()) as { status?: string }).status, { timeout: 15_000 })
    .toBe('ended');
  await page.goto(`/recordings/${sessionId}`);
  await expect(page.locator('[data-status="ready"]')).toBeVisible({ timeout: 20_000 });

  await test.step('the header counts statements, rows and errors, not bytes', async () => {
    await expect(page.getByTestId('recording-figures')).toHaveText('3 statements · 6 rows · 1 error');
  });

  await test.step('held, approved and denied statements are listed and on the timeline, at their moments', async () => {
    const list = page.getByRole('list', { name: 'Statements' });
    await expect(list.locator('[data-entry-kind]')).toHaveCount(7);
    await expect(list.locator('[data-entry-kind="held"]')).toHaveCount(2);
    await expect(list.locator('[data-entry-kind="approved"]')).toContainText('Approved by Ana Approver');
    await expect(list.locator('[data-entry-kind="approved"]')).toContainText('Go ahead');
    await expect(list.locator('[data-entry-kind="denied"]')).toContainText('Denied by Ana Approver');
    await expect(list.locator('[data-entry-kind="denied"]')).toContainText('UPDATE orders SET note = NULL');
    await page.getByRole('button', { name: /^Denied by Ana Approver at / }).click();
    await expect(page.getByTestId('replay-editor')).toContainText('UPDATE orders SET note = NULL');
    await expect(page.getByText(/Held for review: .* — denied by Ana Approver: Not today/)).toBeVisible();
  });

  await test.step('the export menu offers SQL formats only; the .sql download is masked', async () => {
    await page.getByText('Export', { exact: true }).click();
    await expect(page.getByRole('link', { name: /asciicast/ })).toHaveCount(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /SQL script \(\.sql\)/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.sql$/);
    const script = await readFile(await download.path(), 'utf8');
    expect(script).toContain('SELECT id, note FROM orders ORDER BY id;');
    expect(script).toContain('Denied (it did not run) by Ana Approver: Not today');
    expect(script).toContain('| deploy key [MASKED');
    expect(script).not.toContain(SECRET);
    await page.getByText('Export', { exact: true }).click();
  });

  await test.step('a note at the current moment is kept and marked on the timeline', async () => {
    await page.getByRole('button', { name: /^Statement 1 at / }).click();
    await page.getByRole('tab', { name: /^notes/i }).click();
    await page.getByRole('button', { name: /Add a note at/ }).click();
    await page.getByRole('textbox', { name: 'Note', exact: true }).fill('The orders **before** the delete');
    await page.getByRole('button', { name: 'Save note' }).click();
    await expect(page.getByTestId('note')).toContainText('The orders before the delete');
    await expect(page.getByTestId('note-marker')).toHaveCount(1);
    await page.reload();
    await expect(page.locator('[data-status="ready"]')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('note-marker')).toHaveCount(1);
    await page.getByTestId('note-marker').click();
    await expect(page.getByTestId('replay-editor')).toContainText('SELECT id, note FROM orders');
  });

  const shots = process.env.SQLREC_SHOTS;
  if (shots) {
    await page.getByRole('button', { name: /^Approved by Ana Approver at / }).click();
    for (const [name, size] of [
      ['desktop', { width: 1440, height: 900 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      await page.setViewportSize(size);
      for (const theme of ['light', 'dark'] as const) {
        await page.evaluate((isDark) => document.documentElement.classList.toggle('dark', isDark), theme === 'dark');
        await page.screenshot({ path: `${shots}/replay-${name}-${theme}.png`, fullPage: true });
      }
    }
    await page.goto('/recordings');
    await page.screenshot({ path: `${shots}/list-desktop-dark.png` });
  }
});

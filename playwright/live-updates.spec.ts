import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Page } from '@playwright/test';
import { createDatabase, startPostgres, type TestPostgres } from '../test/harness/postgres';
import { expect, fromPorthole, test } from './fixtures';
import { CataloguePage } from './pages/CataloguePage';

/**
 * What a user sees change without a reload, and the states right after an action (#19 items
 * 3, 4, 9, 10, 14): the catalogue card follows approval and revoke, a statement review raises
 * the approver's badge and appears (and leaves) live, the inbox pane shows the decision after
 * `a`, the SQL console counts down its grant, and the revoke banner offers what can work.
 * Live means within 3 s here (the page itself answers in well under a second).
 */
// Soft: one run reports every change that was late, not only the first.
const live = expect.configure({ timeout: 3_000, soft: true });

let postgres: TestPostgres;
let target: { host: string; port: number; username: string; password: string; database: string };

test.beforeAll(async () => {
  postgres = await startPostgres();
  const url = new URL(await createDatabase(postgres.url, `e2e_live_${randomBytes(4).toString('hex')}`));
  const password = `pw-${randomBytes(9).toString('hex')}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`CREATE ROLE live_console LOGIN PASSWORD '${password}'`);
  await client.end();
  target = { host: '127.0.0.1', port: Number(url.port), username: 'live_console', password, database: url.pathname.slice(1) };
});

test.afterAll(async () => {
  await postgres?.stop();
});

async function markNoReload(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __noReload?: boolean }).__noReload = true));
}

async function expectNotReloaded(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
}

async function setEditor(page: Page, text: string) {
  await page.evaluate((value) => window.__portholeSqlEditor?.setValue(value), text);
}

test('catalogue, inbox, statement reviews and the SQL console follow each change live', async ({ adminApi, seed, loginAs, unique }) => {
  test.setTimeout(120_000);
  // Named on the resource's policy without the approver role, so their inbox holds this request only.
  const approver = await seed.user({ name: `Approver ${unique('a')}` });
  // An approver by role: the navigation shows their badge.
  const reviewer = await seed.user({ roles: ['approver'], name: `Reviewer ${unique('r')}` });
  const engineer = await seed.user({ name: `Engineer ${unique('e')}` });
  const created = await adminApi.post('/api/v1/resources', { data: { type: 'postgres', name: unique('pg-live'), tags: ['e2e'], ...target } });
  expect(created.status(), await created.text()).toBe(201);
  const resource = (await created.json()) as { id: string; name: string };
  expect((await adminApi.patch(`/api/v1/resources/${resource.id}`, { data: { accessMode: 'approval' } })).ok()).toBe(true);
  const policy = await adminApi.put(`/api/v1/resources/${resource.id}/policy`, {
    data: { approverRoles: ['approver'], approverUserIds: [approver.id], isReasonRequired: false },
  });
  expect(policy.ok(), await policy.text()).toBe(true);
  const settings = (await (await adminApi.get(`/api/v1/resources/${resource.id}/sql-settings`)).json()) as {
    policy: Record<string, string>;
    readOnlyMode: string;
    statementTimeoutMs: number;
    rowCap: number;
    recordedRows: number;
    columnMasks: unknown[];
  };
  const held = await adminApi.put(`/api/v1/resources/${resource.id}/sql-settings`, {
    data: {
      policy: { ...settings.policy, ddl: 'review' },
      readOnly: 'off',
      statementTimeoutSeconds: settings.statementTimeoutMs / 1000,
      rowCap: settings.rowCap,
      recordedRows: settings.recordedRows,
      columnMasks: settings.columnMasks,
    },
  });
  expect(held.ok(), await held.text()).toBe(true);

  const approverPage = await loginAs(approver);
  const reviewerPage = await loginAs(reviewer);
  const engineerPage = await loginAs(engineer);
  const catalogue = new CataloguePage(engineerPage);
  const cardState = catalogue.card(resource.name).locator('[data-access-state]');

  await test.step('the catalogue card turns from pending to active when the approver presses a', async () => {
    // Four minutes: inside the five-minute warning from the start.
    const requested = await engineerPage.request.post('/api/v1/requests', {
      headers: fromPorthole(),
      data: { resourceId: resource.id, durationMinutes: 4, reason: 'Live update check' },
    });
    expect(requested.status(), await requested.text()).toBe(201);
    // A second request waits behind it: after `a` the pane must still show the first one's decision.
    const colleaguePage = await loginAs(await seed.user({ name: `Colleague ${unique('c')}` }));
    const other = await colleaguePage.request.post('/api/v1/requests', {
      headers: fromPorthole(),
      data: { resourceId: resource.id, durationMinutes: 30, reason: 'Also waiting' },
    });
    expect(other.status(), await other.text()).toBe(201);
    const otherId = ((await other.json()) as { id: string }).id;
    await catalogue.goto();
    await expect(cardState).toHaveText('Pending approval');
    await markNoReload(engineerPage);

    await approverPage.goto('/approvals');
    const details = approverPage.getByRole('article', { name: `Request from ${engineer.name}` });
    await expect(details).toHaveAttribute('data-status', 'pending');
    // The pane is drawn on the server: `a` is heard once the page has hydrated, and a press
    // before that does nothing, so press again. A press while the decision is under way, or
    // once it is made, does nothing either.
    await expect(async () => {
      await approverPage.keyboard.press('a');
      await expect(details).not.toHaveAttribute('data-status', 'pending', { timeout: 1_000 });
    }).toPass();
    // The pane shows the decision, not the pending request with greyed buttons. (It waits for
    // the approve action's answer, a server round trip, not for a live event: the default timeout.)
    await expect(details).toHaveAttribute('data-status', 'approved');
    await expect(details).toContainText('Approved');
    await expect(details.getByRole('button', { name: 'Approve' })).toHaveCount(0);

    await live(cardState).toHaveText(/^Active until /);
    await expectNotReloaded(engineerPage);
    // Withdrawn, so it waits in no other spec's approver inbox.
    expect((await colleaguePage.request.post(`/api/v1/requests/${otherId}/cancel`, { headers: fromPorthole() })).ok()).toBe(true);
  });

  const consolePage = engineerPage;
  await test.step('the SQL console counts down the grant and warns in its last five minutes', async () => {
    await consolePage.goto(`/resources/${resource.id}`);
    await consolePage.getByRole('button', { name: 'Open console' }).click();
    await consolePage.waitForURL(/\/sql\/[0-9a-f-]{36}$/);
    await expect(consolePage.locator('[data-status="connected"]')).toBeVisible({ timeout: 20_000 });
    await live(consolePage.getByTestId('grant-time-left')).toHaveText(/^Access: [34]m( \d\ds)? left$/);
    const warning = consolePage.getByRole('alert').filter({ hasText: 'Your access ends in' });
    await live(warning).toBeVisible();
    // It floats over the console's controls: dismissed, the countdown stays.
    await warning.getByRole('button', { name: 'Dismiss' }).click();
    await expect(warning).toBeHidden();
    await expect(consolePage.getByTestId('grant-time-left')).toBeVisible();
  });

  await test.step('a held statement raises the approver’s badge and appears in the inbox; withdrawn, it goes', async () => {
    await reviewerPage.goto('/approvals');
    const badge = reviewerPage.getByTestId('approvals-badge');
    await expect(badge).toHaveAttribute('data-count', /^\d+$/);
    await markNoReload(reviewerPage);
    // The badge counts every approver's work, other specs' too: compare with it just before each change.
    const count = async () => Number(await badge.getAttribute('data-count'));

    await setEditor(consolePage, 'CREATE TABLE live_review_check (id int);');
    const before = await count();
    await consolePage.keyboard.press('Control+Enter');
    await expect(consolePage.getByRole('button', { name: 'Withdraw' })).toBeVisible();

    await live(badge).toHaveAttribute('data-count', String(before + 1));
    const review = reviewerPage.getByRole('article', { name: `Statement review for ${resource.name}` });
    await live(review).toContainText('CREATE TABLE live_review_check');
    await expect(review.getByRole('button', { name: 'Approve and run' })).toBeVisible();

    const whileHeld = await count();
    await consolePage.getByRole('button', { name: 'Withdraw' }).click();
    await live(review.getByRole('button', { name: 'Approve and run' })).toHaveCount(0);
    await live(badge).toHaveAttribute('data-count', String(whileHeld - 1));
    await expectNotReloaded(reviewerPage);
  });

  await test.step('a revoke turns the catalogue card back at once, and ends the console saying so once with a way back', async () => {
    const cataloguePage = await engineerPage.context().newPage();
    const liveCatalogue = new CataloguePage(cataloguePage);
    await liveCatalogue.goto();
    const liveCard = liveCatalogue.card(resource.name).locator('[data-access-state]');
    await expect(liveCard).toHaveText(/^Active until /);

    await approverPage.goto('/approvals/grants');
    const row = approverPage.getByRole('row', { name: new RegExp(engineer.name) });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await approverPage.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await expect(row).toHaveCount(0);
    await live(liveCard).toHaveText('Request access');

    await live(consolePage.getByText('Your access was revoked')).toHaveCount(1);
    await expect(consolePage.getByRole('link', { name: 'Request access again' })).toHaveAttribute('href', `/resources/${resource.id}`);
    await expect(consolePage.getByRole('link', { name: /recording/ })).toBeVisible();
    await expect(consolePage.getByRole('button', { name: /Open a new console|Connect again/ })).toHaveCount(0);
  });
});

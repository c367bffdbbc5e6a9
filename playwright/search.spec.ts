import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { startSshd, type Sshd } from '../test/harness/sshd';
import { connectTerminal } from '../test/harness/terminal-client';
import { expect, fromPorthole, test } from './fixtures';
import { ReplayPage } from './pages/ReplayPage';
import { createSshResource, type SshResource } from './ssh-target';
import { expectAccessible } from './support/axe';

/**
 * Cross-recording search from the UI (#14 §2): the header box (`/`), the /search page, a hit
 * opening the replay at its moment with the match marked on screen, the replay's find bar over
 * the whole recording, and an engineer never seeing another user's recording.
 * PAGE_SCREENSHOTS=<dir> saves each page in both themes and widths, and the replay's find bar.
 */

let sshd: Sshd;
let resource: SshResource;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test.beforeAll(async ({ adminApi }, testInfo) => {
  sshd = await startSshd();
  resource = await createSshResource(adminApi, sshd, `search-${testInfo.workerIndex}-${Date.now().toString(36)}`);
});

test.afterAll(async () => {
  await sshd?.stop();
});

/** A word no other test prints, so its hits are this test's alone. */
const uniqueWord = () => `needle${randomBytes(5).toString('hex')}`;

/** Records a terminal session printing `word` twice, about 3 s apart, and waits until search finds it. */
async function recordWord(page: Page, baseURL: string, word: string): Promise<string> {
  const created = await page.request.post('/api/v1/sessions', { headers: fromPorthole(), data: { resourceId: resource.id } });
  expect(created.status()).toBe(201);
  const { id, wsUrl } = (await created.json()) as { id: string; wsUrl: string };
  const term = await connectTerminal(`${wsUrl}&cols=100&rows=30`, { origin: baseURL });
  await term.waitFor(/\$ $/);
  term.type(`echo ${word} first\r`);
  await term.waitFor(new RegExp(`\\r${word} first`));
  await sleep(3000);
  term.type(`echo ${word} second\r`);
  await term.waitFor(new RegExp(`\\r${word} second`));
  await sleep(500);
  term.type('exit\r');
  await term.closed;
  // Indexed in the background once the recording is sealed.
  await expect.poll(async () => ((await (await page.request.get(`/api/v1/search?q=${word}`)).json()) as { total: number }).total, { timeout: 30_000 }).toBe(1);
  return id;
}

test('the header box finds a word printed in a session; the hit opens the replay there with the word marked; the find bar steps through the recording', async ({
  seed,
  loginAs,
  harness,
}) => {
  test.setTimeout(120_000);
  const page = await loginAs(await seed.user({ roles: ['engineer'] }));
  await page.setViewportSize({ width: 1440, height: 900 });
  const word = uniqueWord();
  const id = await recordWord(page, harness.baseURL, word);

  await page.goto('/resources');
  const box = page.getByRole('searchbox', { name: 'Search recordings' });
  // `/` is heard once the page has hydrated; a press before that does nothing, so press again.
  await expect(async () => {
    await page.keyboard.press('/');
    await expect(box).toBeFocused({ timeout: 1_000 });
  }).toPass();
  await box.fill(word);
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}$`));
  const group = page.locator(`[data-recording-id="${id}"]`);
  await expect(group).toContainText(resource.name);
  const hits = group.getByTestId('search-hit');
  await expect(hits.first()).toBeVisible();
  await expect(group.locator('mark').first()).toHaveText(new RegExp(word, 'i'));

  // The later hit: the replay opens past the first echo, at the second one.
  const second = hits.filter({ hasText: 'second' }).first();
  const href = (await second.getAttribute('href')) ?? '';
  const t = Number(new URL(href, harness.baseURL).searchParams.get('t'));
  expect(t).toBeGreaterThan(2);
  await second.click();
  await expect(page).toHaveURL(new RegExp(`/recordings/${id}\\?t=`));
  const replay = new ReplayPage(page);
  await replay.expectStatus('paused');
  expect(Math.abs((await replay.time()) - t)).toBeLessThan(0.5);
  // The xterm search addon found (and marked) the word on the replayed screen.
  await expect(replay.root).not.toHaveAttribute('data-screen-matches', '0');
  const count = page.getByTestId('replay-find-count');
  await expect(count).toHaveText(/^\d+ of \d+$/);

  // The find bar from the start of the recording: Ctrl+F, type, next / next moves the playhead.
  await replay.open(id);
  await replay.expectStatus('paused');
  await replay.timeline.focus();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'Find in recording' });
  await expect(find).toBeFocused();
  await find.fill(word);
  await expect(count).toHaveText(/^\d+ matches$/);
  const total = Number((await count.textContent())?.split(' ')[0]);
  expect(total).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('find-marker').first()).toBeVisible();
  expect(await page.getByTestId('find-marker').count()).toBeGreaterThanOrEqual(2);
  await find.press('Enter');
  await expect(count).toHaveText(`1 of ${total}`);
  await replay.expectStatus('paused');
  const firstTime = await replay.time();
  for (let i = 2; i <= total; i++) {
    await find.press('Enter');
    await expect(count).toHaveText(`${i} of ${total}`);
  }
  await replay.expectStatus('paused');
  expect(await replay.time()).toBeGreaterThan(firstTime + 2);
  await expect(replay.root).not.toHaveAttribute('data-screen-matches', '0');
  await find.press('Shift+Enter');
  await expect(count).toHaveText(`${total - 1} of ${total}`);
  const shots = process.env.PAGE_SCREENSHOTS;
  if (shots) {
    await page.screenshot({ path: `${shots}/replay-find-light.png` });
    await page.evaluate(() => document.documentElement.classList.add('dark'));
    await page.screenshot({ path: `${shots}/replay-find-dark.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${shots}/replay-find-dark-phone.png`, fullPage: true });
    await page.evaluate(() => document.documentElement.classList.remove('dark'));
    await page.setViewportSize({ width: 1440, height: 900 });
  }
  await find.press('Escape');
  await expect(find).toBeHidden();
  await expect(replay.root).toHaveAttribute('data-screen-matches', '0');

  // The keyboard help lists it.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Find in the whole recording');
});

test('a note’s hit opens the replay on the Notes tab, where the note is', async ({ seed, loginAs, harness }) => {
  const page = await loginAs(await seed.user({ roles: ['engineer'] }));
  const id = await recordWord(page, harness.baseURL, uniqueWord());
  const noteWord = uniqueWord();
  const note = await page.request.post(`/api/v1/recordings/${id}/annotations`, {
    headers: fromPorthole(),
    data: { t: 1, body: `Remember ${noteWord} next time`, tags: [] },
  });
  expect(note.status()).toBe(201);
  await page.goto(`/search?q=${noteWord}`);
  await page.getByTestId('search-hit').first().click();
  await page.waitForURL(new RegExp(`/recordings/${id}\\?.*view=notes`));
  await expect(page.getByRole('tab', { name: /notes/i })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Notes' })).toContainText(`Remember ${noteWord} next time`);
});

test('an engineer never sees another engineer’s recording in search, not even a count', async ({ seed, loginAs, harness }) => {
  test.setTimeout(90_000);
  const owner = await loginAs(await seed.user({ roles: ['engineer'] }));
  const word = uniqueWord();
  const id = await recordWord(owner, harness.baseURL, word);

  const other = await loginAs(await seed.user({ roles: ['engineer'] }));
  await other.goto(`/search?q=${word}`);
  await expect(other.getByText(`Nothing found for ${word}`)).toBeVisible();
  await expect(other.locator(`[data-recording-id="${id}"]`)).toHaveCount(0);
  const api = (await (await other.request.get(`/api/v1/search?q=${word}`)).json()) as { total: number; recordings: unknown[] };
  expect(api).toMatchObject({ total: 0, recordings: [] });
  expect((await other.request.get(`/api/v1/recordings/${id}/search?q=${word}`)).status()).toBe(404);
});

test('the search page: a start state with examples, a clear message for bad input, results, no results; accessible in both themes', async ({
  seed,
  loginAs,
  harness,
}) => {
  test.setTimeout(120_000);
  const page = await loginAs(await seed.user({ roles: ['engineer'] }));
  await page.setViewportSize({ width: 1440, height: 900 });
  const word = uniqueWord();
  await recordWord(page, harness.baseURL, word);

  await page.goto('/search');
  await expect(page.getByText('Search your recordings')).toBeVisible();
  await expect(page.getByRole('link', { name: /pg_dump --sche/ })).toBeVisible();
  // Here `/` goes to the page's own field, which keeps the filters.
  await expect(async () => {
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search text' })).toBeFocused({ timeout: 1_000 });
  }).toPass();
  await expectAccessible(page, 'search start');

  await page.goto(`/search?q=${'x'.repeat(1001)}`);
  // By id: Next's route announcer is an alert too.
  await expect(page.locator('#search-error')).toHaveText('Search for at most 1,000 characters');

  await page.goto(`/search?q=${word}`);
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  await expectAccessible(page, 'search results');

  await page.goto(`/search?q=${word}&kind=sql`);
  await expect(page.getByText(`Nothing found for ${word}`)).toBeVisible();
  await expectAccessible(page, 'search no results');

  // A page past the last (an old link): said so, with the way back, not "Nothing found".
  await page.goto(`/search?q=${word}&page=9`);
  await expect(page.getByText('No results on page 9')).toBeVisible();
  await expect(page.getByText(`Nothing found for ${word}`)).toHaveCount(0);
  await page.getByRole('link', { name: 'Back to the first page' }).click();
  await expect(page.getByTestId('search-hit').first()).toBeVisible();

  // On a phone the header box fits beside the Menu button and still searches.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/resources');
  const box = page.getByRole('searchbox', { name: 'Search recordings' });
  await expect(box).toBeVisible();
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(fits).toBe(true);
  await box.fill(word);
  await box.press('Enter');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
});

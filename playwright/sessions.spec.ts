import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';

const isSessionCookie = (name: string) => name.endsWith('next-auth.session-token');

test.describe('browser sessions', () => {
  test('signing out ends the session on the server: a copy of the old cookie gets 401', async ({ loginAs, seed, browser, baseURL }) => {
    const user = await seed.user();
    const page = await loginAs(user);
    // Opening a page refreshes the session (SessionKeepAlive): it lives for the idle limit.
    await expect.poll(async () => (await page.context().cookies()).find((c) => isSessionCookie(c.name))?.expires ?? 0).toBeGreaterThan(0);
    const captured = (await page.context().cookies()).filter((c) => isSessionCookie(c.name));
    expect(captured).toHaveLength(1);
    const secondsLeft = (captured[0]?.expires ?? 0) - Date.now() / 1000;
    expect(secondsLeft).toBeGreaterThan(55 * 60);
    expect(secondsLeft).toBeLessThanOrEqual(60 * 60 + 5);
    expect((await page.request.get('/api/v1/me')).status()).toBe(200);

    await new AppShell(page).signOut.click();
    await expect(page).toHaveURL(/\/login(\?|$)/);

    const replay = await browser.newContext({ baseURL });
    try {
      await replay.addCookies(captured);
      const me = await replay.request.get('/api/v1/me');
      expect(me.status()).toBe(401);
      expect(await me.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    } finally {
      await replay.close();
    }
  });
});

test.describe('API token lifetimes', () => {
  test('an engineer picks 7, 30, 90 or 365 days (90 by default) and sees the expiry in the list', async ({ loginAs, seed, unique }) => {
    const page = await loginAs(await seed.user());
    await page.goto('/profile');
    const form = page.getByRole('form', { name: 'Create API token' });
    const lifetime = form.getByLabel('Expires after');
    await expect(lifetime).toHaveValue('90');
    await expect(lifetime.locator('option')).toHaveText(['7 days', '30 days', '90 days', '1 year']);

    const name = unique('token');
    await form.getByLabel('Token name').fill(name);
    await lifetime.selectOption('30');
    await form.getByRole('button', { name: 'Create token' }).click();
    await expect(page.getByLabel('New API token')).toHaveValue(/^pht_/);
    const row = page.getByRole('table', { name: 'API tokens' }).getByRole('row').filter({ hasText: name });
    await expect(row.getByRole('cell').nth(4)).toHaveText('in 30 days');
  });

  test('an admin may also choose a token that never expires', async ({ admin, unique }) => {
    await admin.goto('/profile');
    const form = admin.getByRole('form', { name: 'Create API token' });
    const name = unique('forever');
    await form.getByLabel('Token name').fill(name);
    await form.getByLabel('Expires after').selectOption('never');
    await form.getByRole('button', { name: 'Create token' }).click();
    await expect(admin.getByLabel('New API token')).toHaveValue(/^pht_/);
    const row = admin.getByRole('table', { name: 'API tokens' }).getByRole('row').filter({ hasText: name });
    await expect(row.getByRole('cell').nth(4)).toHaveText('Never');
  });
});

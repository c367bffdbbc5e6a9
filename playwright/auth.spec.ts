import { expect, fromPorthole, test } from './fixtures';
import { CataloguePage } from './pages/CataloguePage';

test.describe('password sign-in', () => {
  test('a wrong password keeps the user on the login form with a message', async ({ page, loginPage, seed }) => {
    const user = await seed.user();
    await loginPage.goto();
    await loginPage.signIn(user.email, `${user.password}-wrong`);

    await expect(loginPage.error).toHaveText('Wrong e-mail or password.');
    await expect(page).toHaveURL(/\/login(\?|$)/);
    await expect(loginPage.submit).toBeEnabled();
  });

  test('a link cannot send the signed-in user to another site, nor put its own words on the login page', async ({ page, loginPage, seed, baseURL }) => {
    const user = await seed.user();
    await page.goto('/login?callbackUrl=/%5Cevil.example/x&error=Your%20account%20is%20locked.%20Call%20IT%20at%20%2B1-555-0100.');
    await expect(loginPage.error).toHaveText('Sign-in failed. Try again.');
    await loginPage.signIn(user.email, user.password);
    await expect(page).toHaveURL(`${baseURL}/resources`);
  });

  test('an error left in the address by an earlier single sign-on attempt does not fail a password sign-in', async ({ page, loginPage, seed }) => {
    const user = await seed.user();
    await page.goto('/login?error=OAuthCallback&callbackUrl=/search');
    await expect(loginPage.error).toHaveText('The identity provider sign-in did not complete. Try again.');
    await loginPage.signIn(user.email, user.password);
    await expect(page).toHaveURL(/\/search$/);
  });

  test('the right password lands on the catalogue, and signing out ends the session', async ({ page, loginPage, shell, seed }) => {
    const user = await seed.user();
    await loginPage.goto();
    await loginPage.signIn(user.email, user.password);

    await expect(page).toHaveURL(/\/resources$/);
    await expect(new CataloguePage(page).heading).toBeVisible();
    await expect(shell.profileMenu).toContainText(user.email);

    await shell.signOut.click();
    await expect(page).toHaveURL(/\/login(\?|$)/);
    await page.goto('/resources');
    await expect(page).toHaveURL(/\/login(\?|$)/);
    await expect(loginPage.submit).toBeVisible();
  });

  test('a signed-out visitor is sent to the login page', async ({ page, loginPage }) => {
    await page.goto('/resources');
    await expect(page).toHaveURL(/\/login(\?|$)/);
    await expect(loginPage.email).toBeVisible();
  });
});

test.describe('admin-only areas', () => {
  test('a non-admin visiting /admin/users gets the not-found page', async ({ loginAs, seed }) => {
    const user = await seed.user({ roles: ['approver', 'auditor'] });
    const page = await loginAs(user);

    const response = await page.goto('/admin/users');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users', exact: true })).toHaveCount(0);
  });

  test('an engineer who approves nothing gets the not-found page at /approvals and /approvals/grants', async ({ loginAs, seed }) => {
    const page = await loginAs(await seed.user());
    for (const path of ['/approvals', '/approvals/grants']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    }
  });

  test('the users API answers 403 to a non-admin token and 401 without credentials', async ({ loginAs, seed, playwright, baseURL }) => {
    const user = await seed.user();
    const page = await loginAs(user);
    const minted = await page.request.post('/api/v1/tokens', { headers: fromPorthole(), data: { name: 'e2e non-admin' } });
    expect(minted.status()).toBe(201);
    const { token } = (await minted.json()) as { token: string };

    const api = await playwright.request.newContext({ baseURL });
    try {
      const forbidden = await api.get('/api/v1/users', { headers: { authorization: `Bearer ${token}` } });
      expect(forbidden.status()).toBe(403);
      expect(forbidden.headers()['content-type']).toContain('application/json');
      expect(await forbidden.json()).toMatchObject({ error: { code: 'FORBIDDEN', message: expect.any(String) } });

      const anonymous = await api.get('/api/v1/users');
      expect(anonymous.status()).toBe(401);
      expect(anonymous.headers()['content-type']).toContain('application/json');
      expect(await anonymous.json()).toMatchObject({ error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
    } finally {
      await api.dispose();
    }
  });
});

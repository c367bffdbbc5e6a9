import { expect, test } from './fixtures';
import { CataloguePage } from './pages/CataloguePage';
import { IdpLoginPage } from './pages/IdpLoginPage';

test.describe('single sign-on through the OIDC provider', () => {
  test('alice signs in at the IdP and, through her group, gets admin navigation', async ({ page, loginPage, shell, harness }) => {
    const alice = harness.oidc.accounts.alice!;
    await loginPage.goto();
    await loginPage.ssoButton(harness.oidc.displayName).click();

    const idp = new IdpLoginPage(page);
    await expect(idp.heading).toBeVisible();
    expect(new URL(page.url()).origin).toBe(harness.oidc.issuer);
    await idp.signIn('alice');

    await expect(page).toHaveURL(/\/resources$/);
    await expect(new CataloguePage(page).heading).toBeVisible();
    await expect(shell.profileMenu).toContainText(alice.email);
    await expect(shell.navLink('Users')).toBeVisible();
    // The sign-in is audited with the address it came from, as a password sign-in is.
    const audit = (await (await page.request.get(`/api/v1/audit?action=auth.login&actor=${encodeURIComponent(alice.email)}`)).json()) as {
      events: { data: { method: string; ip?: string } }[];
    };
    expect(audit.events[0]?.data).toMatchObject({ method: 'oidc', ip: expect.stringMatching(/127\.0\.0\.1$/) });
  });

  test('bob, without the admin group, gets no admin navigation', async ({ page, loginPage, shell, harness }) => {
    const bob = harness.oidc.accounts.bob!;
    await loginPage.goto();
    await loginPage.ssoButton(harness.oidc.displayName).click();
    await new IdpLoginPage(page).signIn('bob');

    await expect(page).toHaveURL(/\/resources$/);
    await expect(shell.profileMenu).toContainText(bob.email);
    await expect(shell.navLink('Resources')).toBeVisible();
    await expect(shell.navLink('Users')).toHaveCount(0);
  });
});

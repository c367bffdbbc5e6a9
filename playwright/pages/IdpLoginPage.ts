import type { Locator, Page } from '@playwright/test';

/** The test OIDC provider's own sign-in page (playwright/oidc/provider.mjs). */
export class IdpLoginPage {
  readonly heading: Locator;
  readonly loginName: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Test IdP' });
    this.loginName = page.getByLabel('Login name');
    this.submit = page.getByRole('button', { name: 'Sign in' });
  }

  async signIn(login: string): Promise<void> {
    await this.loginName.fill(login);
    await this.submit.click();
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

/** /login: the e-mail/password form and the single sign-on button. */
export class LoginPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel('E-mail');
    this.password = page.getByLabel('Password');
    this.submit = page.getByRole('button', { name: 'Sign in', exact: true });
    // Next.js's route announcer is also role=alert (in a shadow root): leave it out.
    this.error = page.locator('[role="alert"]:not(#__next-route-announcer__)');
  }

  async goto(): Promise<void> {
    await this.page.goto('/login');
    await expect(this.submit).toBeEnabled();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Signs in and waits for the catalogue, where a successful login lands. */
  async signInAndWait(email: string, password: string): Promise<void> {
    await this.goto();
    await this.signIn(email, password);
    await expect(this.page).toHaveURL(/\/resources$/);
  }

  ssoButton(displayName: string): Locator {
    return this.page.getByRole('button', { name: `Sign in with ${displayName}` });
  }
}

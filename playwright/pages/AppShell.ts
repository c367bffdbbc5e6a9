import type { Locator, Page } from '@playwright/test';

/** The signed-in frame: left navigation and the profile menu. */
export class AppShell {
  readonly nav: Locator;
  readonly profileMenu: Locator;
  readonly signOut: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.profileMenu = page.getByRole('complementary');
    this.signOut = page.getByRole('button', { name: 'Sign out' });
  }

  navLink(name: string): Locator {
    return this.nav.getByRole('link', { name, exact: true });
  }
}

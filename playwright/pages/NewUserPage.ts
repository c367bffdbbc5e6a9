import type { Locator, Page } from '@playwright/test';

export type UserFormRole = 'Approver' | 'Auditor' | 'Admin';

/** /admin/users/new. */
export class NewUserPage {
  readonly name: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel('Name', { exact: true });
    this.email = page.getByLabel('E-mail', { exact: true });
    this.password = page.getByLabel('Password', { exact: true });
    this.submit = page.getByRole('button', { name: 'Create user' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin/users/new');
  }

  role(role: UserFormRole): Locator {
    return this.page.getByRole('checkbox', { name: role, exact: true });
  }

  async fill(user: { name: string; email: string; password: string; roles?: UserFormRole[] }): Promise<void> {
    await this.name.fill(user.name);
    await this.email.fill(user.email);
    await this.password.fill(user.password);
    for (const role of user.roles ?? []) await this.role(role).check();
  }
}

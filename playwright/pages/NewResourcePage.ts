import type { Locator, Page } from '@playwright/test';

/** /admin/resources/new, SSH fields. */
export class NewResourcePage {
  readonly type: Locator;
  readonly name: Locator;
  readonly host: Locator;
  readonly port: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly tags: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.type = page.getByLabel('Type', { exact: true });
    this.name = page.getByLabel('Name', { exact: true });
    this.host = page.getByLabel('Host', { exact: true });
    this.port = page.getByLabel('Port', { exact: true });
    this.username = page.getByLabel('Username', { exact: true });
    this.password = page.getByLabel('Password', { exact: true });
    this.tags = page.getByLabel('Tags', { exact: true });
    this.submit = page.getByRole('button', { name: 'Create resource' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin/resources/new');
  }

  async fillSsh(resource: { name: string; host: string; port: number; username: string; password: string; tags?: string }): Promise<void> {
    await this.type.selectOption('ssh');
    await this.name.fill(resource.name);
    await this.host.fill(resource.host);
    await this.port.fill(String(resource.port));
    await this.username.fill(resource.username);
    await this.password.fill(resource.password);
    if (resource.tags !== undefined) await this.tags.fill(resource.tags);
  }
}

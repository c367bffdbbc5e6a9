import type { Locator, Page } from '@playwright/test';

/** /resources: the catalogue every signed-in user sees. */
export class CataloguePage {
  readonly heading: Locator;
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Resources', level: 1 });
    this.list = page.getByRole('list', { name: 'Resource catalogue' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/resources');
  }

  card(name: string): Locator {
    return this.list.getByRole('link').filter({ has: this.page.getByRole('heading', { name, exact: true }) });
  }
}

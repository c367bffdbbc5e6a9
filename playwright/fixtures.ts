import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { test as base, expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { LoginPage } from './pages/LoginPage';
import { readHarnessState, type HarnessState } from './support/harness-state';

export { expect };

export type Role = 'engineer' | 'approver' | 'auditor' | 'admin';
export type SeededUser = { id: string; email: string; name: string; password: string; roles: Role[] };
export type SeededResource = { id: string; name: string; host: string; port: number; username: string; password: string; tags: string[] };

type Seed = {
  /** A user created through the API, with a unique e-mail and a known password. */
  user(options?: { roles?: Role[]; name?: string }): Promise<SeededUser>;
  /** An SSH resource created through the API, with a unique name and a distinctive password. */
  resource(options?: { name?: string; tags?: string[] }): Promise<SeededResource>;
};

type TestFixtures = {
  /** A page signed in as the bootstrap admin (storage state from one UI login per worker). */
  admin: Page;
  /** Opens a new browser context and signs in through the login form as this user. */
  loginAs: (user: { email: string; password: string }) => Promise<Page>;
  /** A name unique to this test run: `<prefix>-<worker>-<random>`. */
  unique: (prefix: string) => string;
  seed: Seed;
  shell: AppShell;
  loginPage: LoginPage;
};

type WorkerFixtures = {
  harness: HarnessState;
  adminStorageState: string;
  /** JSON API client authenticated as the admin with a bearer token. */
  adminApi: APIRequestContext;
};

const randomSuffix = () => randomBytes(4).toString('hex');

/**
 * Headers for a change sent with a browser session's cookie through Playwright's request API
 * (`page.request`): a browser's own fetch carries its Origin, Playwright's does not, and
 * Porthole refuses cookie-authenticated changes without one (CSRF).
 */
export function fromPorthole(): { origin: string } {
  return { origin: readHarnessState().baseURL };
}

async function signedInPage(browser: Browser, baseURL: string, user: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await new LoginPage(page).signInAndWait(user.email, user.password);
  return page;
}

async function expectCreated<T>(response: Awaited<ReturnType<APIRequestContext['post']>>): Promise<T> {
  if (response.status() !== 201) throw new Error(`${response.url()} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  harness: [
    async ({}, use) => {
      await use(readHarnessState());
    },
    { scope: 'worker' },
  ],

  baseURL: async ({ harness }, use) => {
    await use(harness.baseURL);
  },

  adminStorageState: [
    async ({ browser, harness }, use, workerInfo) => {
      const page = await signedInPage(browser, harness.baseURL, harness.admin);
      const file = path.join(harness.tmpDir, `admin-state-${workerInfo.workerIndex}.json`);
      await page.context().storageState({ path: file });
      await page.context().close();
      await use(file);
    },
    { scope: 'worker' },
  ],

  adminApi: [
    async ({ browser, playwright, harness, adminStorageState }, use, workerInfo) => {
      // A token minted from the admin's browser session (page.request shares its cookies).
      const context = await browser.newContext({ baseURL: harness.baseURL, storageState: adminStorageState });
      const created = await expectCreated<{ token: string }>(
        await context.request.post('/api/v1/tokens', { headers: fromPorthole(), data: { name: `e2e worker ${workerInfo.workerIndex}`, expiresInDays: 1 } }),
      );
      await context.close();
      const api = await playwright.request.newContext({
        baseURL: harness.baseURL,
        extraHTTPHeaders: { authorization: `Bearer ${created.token}` },
      });
      await use(api);
      await api.dispose();
    },
    { scope: 'worker' },
  ],

  admin: async ({ browser, harness, adminStorageState }, use) => {
    const context = await browser.newContext({ baseURL: harness.baseURL, storageState: adminStorageState });
    await use(await context.newPage());
    await context.close();
  },

  loginAs: async ({ browser, harness }, use) => {
    const pages: Page[] = [];
    await use(async (user) => {
      const page = await signedInPage(browser, harness.baseURL, user);
      pages.push(page);
      return page;
    });
    await Promise.all(pages.map((page) => page.context().close()));
  },

  unique: async ({}, use, testInfo) => {
    await use((prefix) => `${prefix}-${testInfo.workerIndex}-${randomSuffix()}`);
  },

  seed: async ({ adminApi, unique }, use) => {
    await use({
      async user({ roles = [], name } = {}) {
        const handle = unique('user');
        const input = { email: `${handle}@e2e.test`, name: name ?? `E2E ${handle}`, password: `Pw-${randomSuffix()}-${randomSuffix()}`, roles };
        const created = await expectCreated<{ id: string; roles: Role[] }>(await adminApi.post('/api/v1/users', { data: input }));
        return { ...input, id: created.id, roles: created.roles };
      },
      async resource({ name, tags = ['e2e'] } = {}) {
        const input = {
          type: 'ssh',
          name: name ?? unique('ssh'),
          host: '127.0.0.1',
          port: 22,
          username: 'e2e',
          password: `S3cret-${randomSuffix()}`,
          tags,
        };
        const created = await expectCreated<{ id: string }>(await adminApi.post('/api/v1/resources', { data: input }));
        return { ...input, id: created.id };
      },
    });
  },

  shell: async ({ page }, use) => {
    await use(new AppShell(page));
  },

  loginPage: async ({ page }, use) => {
    await use(new LoginPage(page));
  },
});

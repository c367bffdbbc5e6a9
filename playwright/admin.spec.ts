import { randomBytes } from 'node:crypto';
import type { APIResponse, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { CataloguePage } from './pages/CataloguePage';
import { NewResourcePage } from './pages/NewResourcePage';
import { NewUserPage } from './pages/NewUserPage';
import { shootPage } from './support/screenshots';

/** Both what the browser holds (DOM, inline RSC payload) and the raw HTML the server sent. */
async function expectPageWithout(page: Page, secret: string): Promise<void> {
  expect(await page.content()).not.toContain(secret);
  const raw = await page.request.get(page.url());
  expect(raw.status()).toBe(200);
  expect(await raw.text()).not.toContain(secret);
}

async function expectJsonWithout(response: APIResponse, secret: string): Promise<unknown> {
  expect(response.status()).toBe(200);
  expect(await response.text()).not.toContain(secret);
  return response.json();
}

test('an admin adds a user and an SSH resource; the user finds it in the catalogue and never sees its secret', async ({ admin, loginAs, unique }) => {
  const handle = unique('eng');
  const person = { name: `Engineer ${handle}`, email: `${handle}@e2e.test`, password: `Pw-${randomBytes(8).toString('hex')}` };
  const resource = {
    name: unique('ssh'),
    host: '10.20.30.40',
    port: 2222,
    username: 'deploy',
    password: `S3cret-${randomBytes(8).toString('hex')}`,
    tags: 'env=e2e',
  };

  await test.step('admin creates the user', async () => {
    const form = new NewUserPage(admin);
    await form.goto();
    await form.fill(person);
    await form.submit.click();
    await expect(admin).not.toHaveURL(/\/admin\/users\/new$/);
    await admin.goto('/admin/users');
    await expect(admin.getByText(person.email)).toBeVisible();
  });

  const resourceId = await test.step('admin creates the SSH resource', async () => {
    const form = new NewResourcePage(admin);
    await form.goto();
    await form.fillSsh(resource);
    await form.submit.click();
    await expect(admin).not.toHaveURL(/\/admin\/resources\/new$/);
    const listed = (await (await admin.request.get(`/api/v1/resources?q=${encodeURIComponent(resource.name)}`)).json()) as { id: string; name: string }[];
    const created = listed.find((r) => r.name === resource.name);
    expect(created, 'the new resource is in the API listing').toBeDefined();
    return created!.id;
  });

  await test.step("the admin's edit page does not echo the password", async () => {
    await admin.goto(`/admin/resources/${resourceId}`);
    await expect(admin.getByLabel('Name', { exact: true })).toHaveValue(resource.name);
    await expectPageWithout(admin, resource.password);
  });

  const user = await loginAs(person);

  await test.step('the user sees the resource in the catalogue', async () => {
    const catalogue = new CataloguePage(user);
    await catalogue.goto();
    const card = catalogue.card(resource.name);
    await expect(card).toBeVisible();
    await expect(card).toContainText(`${resource.username}@${resource.host}:${resource.port}`);
    await expect(card).toContainText(resource.tags);
    await expectPageWithout(user, resource.password);

    await card.click();
    await expect(user).toHaveURL(new RegExp(`/resources/${resourceId}$`));
    await expect(user.getByRole('heading', { name: resource.name, level: 1 })).toBeVisible();
    await expectPageWithout(user, resource.password);
  });

  await test.step('the API shows the resource without its secret', async () => {
    const list = (await expectJsonWithout(await user.request.get('/api/v1/resources'), resource.password)) as { id: string }[];
    expect(list.map((r) => r.id)).toContain(resourceId);
    const one = await expectJsonWithout(await user.request.get(`/api/v1/resources/${resourceId}`), resource.password);
    expect(one).toMatchObject({ id: resourceId, name: resource.name, type: 'ssh', hasPassword: true });
  });
});

test.describe('admin form validation', () => {
  test('a short password shows the error next to the Password field', async ({ admin, unique }) => {
    const handle = unique('short');
    const form = new NewUserPage(admin);
    await form.goto();
    await form.fill({ name: `Short ${handle}`, email: `${handle}@e2e.test`, password: 'short' });
    await form.submit.click();

    await expect(form.password).toHaveAccessibleDescription(/at least 12 characters/);
    await expect(form.password).toHaveAttribute('aria-invalid', 'true');
    await expect(admin).toHaveURL(/\/admin\/users\/new$/);
  });

  test('a common password is refused with the reason next to the Password field', async ({ admin, unique }) => {
    const handle = unique('common');
    const form = new NewUserPage(admin);
    await form.goto();
    await form.fill({ name: `Common ${handle}`, email: `${handle}@e2e.test`, password: 'password1234' });
    await form.submit.click();

    await expect(form.password).toHaveAccessibleDescription(/This is similar to a commonly used password/);
    await expect(form.password).toHaveAttribute('aria-invalid', 'true');
    await expect(admin).toHaveURL(/\/admin\/users\/new$/);
  });

  test("a duplicate e-mail shows the server's message", async ({ admin, seed }) => {
    const existing = await seed.user();
    const form = new NewUserPage(admin);
    await form.goto();
    await form.fill({ name: 'Someone else', email: existing.email, password: 'a-long-enough-password' });
    await form.submit.click();

    await expect(admin.getByText('A user with this e-mail already exists.')).toBeVisible();
    await expect(admin).toHaveURL(/\/admin\/users\/new$/);
  });

  test("a duplicate resource name shows the server's message", async ({ admin, seed }) => {
    const existing = await seed.resource();
    const form = new NewResourcePage(admin);
    await form.goto();
    await form.fillSsh({ name: existing.name, host: '10.0.0.9', port: 22, username: 'ops', password: `S3cret-${randomBytes(4).toString('hex')}` });
    await form.submit.click();

    await expect(admin.getByText('A resource with this name already exists.')).toBeVisible();
    await expect(admin).toHaveURL(/\/admin\/resources\/new$/);
  });
});

test('Settings shows an admin what the installation runs with, and is nobody else’s page', async ({ admin, seed, loginAs }) => {
  await admin.goto('/admin/users');
  await admin.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await expect(admin).toHaveURL(/\/admin\/settings$/);
  await expect(admin.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  for (const title of ['Installation', 'Sign-in', 'Sessions', 'Recordings', 'Network']) {
    await expect(admin.getByRole('region', { name: title })).toBeVisible();
  }
  // The e2e server signs in through the test identity provider, and records into files.
  await expect(admin.getByRole('region', { name: 'Sign-in' })).toContainText(/Single sign-on.+client/);
  await expect(admin.getByRole('region', { name: 'Recordings' })).toContainText('Files in the data directory');
  await expect(admin.getByRole('region', { name: 'Recordings' }).getByRole('link', { name: 'Retention & holds' }).first()).toBeVisible();
  await shootPage(admin, 'admin-settings', { fullPage: true });

  const engineer = await loginAs(await seed.user({ roles: ['engineer'] }));
  const response = await engineer.goto('/admin/settings');
  expect(response?.status()).toBe(404);
  await expect(engineer.getByRole('navigation').getByRole('link', { name: 'Settings' })).toHaveCount(0);
});

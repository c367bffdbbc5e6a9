import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { NewUserPage } from './pages/NewUserPage';

/**
 * Cross-site request forgery from a same-site origin: a page on another port of 127.0.0.1
 * (same site as Porthole, so SameSite=Lax cookies go along) tries to create an admin with the
 * signed-in admin's cookie. Porthole must refuse every variant; its own pages keep working.
 */

let other: http.Server;
let otherOrigin: string;

/** The other origin's page: an empty document, or a self-posting text/plain form. */
function otherSite(req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const action = url.searchParams.get('action');
  const payload = url.searchParams.get('payload') ?? '';
  // The classic JSON-in-a-form trick: name + '=' + value reads as a JSON object.
  const cut = payload.lastIndexOf('"');
  const form = action
    ? `<form method="POST" action="${escapeHtml(action)}" enctype="text/plain"><input name="${escapeHtml(payload.slice(0, cut))}" value="${escapeHtml(payload.slice(cut))}"></form>`
    : '';
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><title>elsewhere</title>${form}`);
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

test.beforeAll(async () => {
  other = http.createServer(otherSite);
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => other?.close(resolve));
});

const adminInput = (email: string) => ({ email, name: 'Forged admin', password: 'Forged-password-123', roles: ['admin'] });

async function userEmails(api: APIRequestContext): Promise<string[]> {
  const response = await api.get('/api/v1/users');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { email: string }[]).map((user) => user.email);
}

/** What Porthole answered to a request the other origin's page sent to `path`. */
function answerTo(page: Page, baseURL: string, path: string) {
  return page.waitForResponse((response) => response.url() === `${baseURL}${path}` && response.request().method() === 'POST');
}

test('a page on another port cannot create an admin with the admin cookie: fetch, no-cors fetch or form', async ({ admin, adminApi, baseURL, unique }) => {
  const portholeUrl = baseURL!;
  await admin.goto(otherOrigin);
  const emails = { cors: `${unique('forged-cors')}@e2e.test`, noCors: `${unique('forged-nocors')}@e2e.test`, form: `${unique('forged-form')}@e2e.test` };

  await test.step('fetch with credentials and a text/plain body (no preflight) is refused', async () => {
    // Sent without a preflight; its answer lacks CORS headers, so the page cannot read it
    // (Playwright reports the request as failed): the users list below shows what it did.
    const outcome = await admin.evaluate(
      async ({ url, body }) => {
        try {
          const response = await fetch(url, { method: 'POST', credentials: 'include', headers: { 'content-type': 'text/plain' }, body });
          return `read ${response.status}`;
        } catch {
          return 'unreadable'; // No CORS headers: the page may not read the answer, but the server saw the request.
        }
      },
      { url: `${portholeUrl}/api/v1/users`, body: JSON.stringify(adminInput(emails.cors)) },
    );
    expect(outcome).toBe('unreadable');
  });

  await test.step('a no-cors fetch is refused', async () => {
    const answer = answerTo(admin, portholeUrl, '/api/v1/users');
    await admin.evaluate(
      async ({ url, body }) => {
        await fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body });
      },
      { url: `${portholeUrl}/api/v1/users`, body: JSON.stringify(adminInput(emails.noCors)) },
    );
    // An opaque answer: its status is visible here, its body is not.
    expect((await answer).status()).toBe(403);
  });

  await test.step('a text/plain form posted to the API is refused', async () => {
    await admin.goto(`${otherOrigin}/?${new URLSearchParams({ action: `${portholeUrl}/api/v1/users`, payload: JSON.stringify(adminInput(emails.form)) })}`);
    const answer = answerTo(admin, portholeUrl, '/api/v1/users');
    await admin.locator('form').evaluate((form: HTMLFormElement) => form.submit());
    const response = await answer;
    expect(response.status()).toBe(403);
    await expect(admin.locator('body')).toContainText('CROSS_SITE_REQUEST');
  });

  await test.step('a form posted to a page (a server action without JavaScript) is refused', async () => {
    await admin.goto(`${otherOrigin}/?${new URLSearchParams({ action: `${portholeUrl}/admin/users/new`, payload: '{"a":"b"}' })}`);
    const answer = answerTo(admin, portholeUrl, '/admin/users/new');
    await admin.locator('form').evaluate((form: HTMLFormElement) => form.submit());
    expect((await answer).status()).toBe(403);
  });

  const existing = await userEmails(adminApi);
  for (const email of Object.values(emails)) expect(existing).not.toContain(email);
});

test('the admin still creates users from Porthole itself, and an approve from elsewhere is refused', async ({ admin, adminApi, baseURL, unique }) => {
  const email = `${unique('ui-user')}@e2e.test`;
  const form = new NewUserPage(admin);
  await form.goto();
  await form.fill({ name: 'Made in the UI', email, password: 'Ui-password-12345' });
  await form.submit.click();
  await expect(admin).not.toHaveURL(/\/admin\/users\/new$/);
  await expect.poll(() => userEmails(adminApi)).toContain(email);

  // Another state-changing route with an [id]: the origin check comes before anything else.
  await admin.goto(otherOrigin);
  const path = `/api/v1/requests/${crypto.randomUUID()}/approve`;
  const answer = answerTo(admin, baseURL!, path);
  await admin.evaluate(async (url) => {
    await fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: '{}' });
  }, `${baseURL}${path}`);
  expect((await answer).status()).toBe(403);
});

test('malformed ids are a 404, never a 500: API routes and pages', async ({ admin, adminApi }) => {
  const as = 'a'.repeat(36);
  const dashes = '-'.repeat(36);
  for (const path of [
    `/api/v1/users/${as}`,
    `/api/v1/users/${dashes}`,
    `/api/v1/resources/${dashes}`,
    `/api/v1/recordings/${as}/events`,
    `/api/v1/sessions/${dashes}`,
    `/api/v1/grants/${as}/revoke`,
  ]) {
    const response = path.endsWith('/revoke') ? await adminApi.post(path) : await adminApi.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.json(), path).toMatchObject({ error: { code: 'NOT_FOUND' } });
  }
  for (const path of [`/resources/${dashes}`, `/admin/users/${as}`, `/recordings/${dashes}`, `/terminal/${as}`]) {
    const response = await admin.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

import type { APIRequestContext, Page } from '@playwright/test';
import { expect, fromPorthole, test } from './fixtures';

/** Access policies and webhooks, which the admin pages edit, through the API (admin only). */

type Policy = {
  resourceId: string;
  approverRoles: string[];
  approverUsers: { id: string }[];
  approvalsRequired: number;
  maxDurationMinutes: number;
  isCustom: boolean;
};
type Webhook = { id: string; name: string; url: string; events: string[]; isEnabled: boolean; secret?: string };
type ApiError = { error: { code: string; message: string; fields?: Record<string, string[]> } };

type ContextFactory = { newContext: (options: { baseURL?: string; extraHTTPHeaders?: Record<string, string> }) => Promise<APIRequestContext> };

/** A bearer client for a non-admin user, with a token minted from their browser session. */
async function userApi(page: Page, request: ContextFactory, baseURL: string | undefined): Promise<APIRequestContext> {
  const minted = await page.request.post('/api/v1/tokens', { headers: fromPorthole(), data: { name: 'e2e non-admin' } });
  expect(minted.status()).toBe(201);
  const { token } = (await minted.json()) as { token: string };
  return request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
}

test.describe('policy and webhook API', () => {
  test('an admin reads and sets a resource policy; bad input is a 422 with field errors; others get 403', async ({
    adminApi,
    seed,
    loginAs,
    playwright,
    baseURL,
  }) => {
    const resource = await seed.resource();
    const approver = await seed.user({ roles: ['approver'] });
    const initial = await adminApi.get(`/api/v1/resources/${resource.id}/policy`);
    expect(initial.status()).toBe(200);
    expect((await initial.json()) as Policy).toMatchObject({ resourceId: resource.id, isCustom: false, approverRoles: ['approver'], approvalsRequired: 1 });

    const saved = await adminApi.put(`/api/v1/resources/${resource.id}/policy`, {
      data: { approverRoles: ['admin'], approverUserIds: [approver.id], approvalsRequired: 2, maxDurationMinutes: 90 },
    });
    expect(saved.status(), await saved.text()).toBe(200);
    expect((await saved.json()) as Policy).toMatchObject({
      isCustom: true,
      approverRoles: ['admin'],
      approverUsers: [{ id: approver.id }],
      approvalsRequired: 2,
      maxDurationMinutes: 90,
    });
    expect((await (await adminApi.get(`/api/v1/resources/${resource.id}/policy`)).json()) as Policy).toMatchObject({
      approvalsRequired: 2,
      maxDurationMinutes: 90,
    });

    const bad = await adminApi.put(`/api/v1/resources/${resource.id}/policy`, { data: { approverRoles: [], approverUserIds: [], approvalsRequired: 9 } });
    expect(bad.status()).toBe(422);
    const { error } = (await bad.json()) as ApiError;
    expect(error.code).toBe('VALIDATION');
    expect(Object.keys(error.fields ?? {})).toEqual(expect.arrayContaining(['approverRoles', 'approvalsRequired']));

    const user = await seed.user();
    const api = await userApi(await loginAs(user), playwright.request, baseURL);
    try {
      expect((await api.get(`/api/v1/resources/${resource.id}/policy`)).status()).toBe(403);
      expect((await api.put(`/api/v1/resources/${resource.id}/policy`, { data: { approvalsRequired: 1 } })).status()).toBe(403);
    } finally {
      await api.dispose();
    }
  });

  test('an admin manages webhooks: the secret is shown once, a rename keeps other fields, a test is queued, delete', async ({
    adminApi,
    unique,
    seed,
    loginAs,
    playwright,
    baseURL,
  }) => {
    const name = unique('hook');
    const created = await adminApi.post('/api/v1/webhooks', {
      data: { name, url: 'https://hooks.example.com/services/e2e', events: ['request.created'], isEnabled: false },
    });
    expect(created.status(), await created.text()).toBe(201);
    const hook = (await created.json()) as Webhook;
    expect(hook).toMatchObject({ name, isEnabled: false, events: ['request.created'], secret: expect.stringMatching(/^whsec_/) });

    const listed = (await (await adminApi.get('/api/v1/webhooks')).json()) as Webhook[];
    expect(listed.find((w) => w.id === hook.id)).toMatchObject({ name, isEnabled: false });
    expect(JSON.stringify(listed)).not.toContain(hook.secret);

    const renamed = await adminApi.patch(`/api/v1/webhooks/${hook.id}`, { data: { name: `${name}-renamed` } });
    expect(renamed.status(), await renamed.text()).toBe(200);
    expect((await renamed.json()) as Webhook).toMatchObject({ name: `${name}-renamed`, isEnabled: false, url: 'https://hooks.example.com/services/e2e' });
    expect(((await (await adminApi.get(`/api/v1/webhooks/${hook.id}`)).json()) as Webhook).name).toBe(`${name}-renamed`);

    expect((await adminApi.post(`/api/v1/webhooks/${hook.id}/test`)).status()).toBe(202);
    const deliveries = (await (await adminApi.get(`/api/v1/webhooks/${hook.id}/deliveries`)).json()) as { event: string }[];
    expect(deliveries.map((d) => d.event)).toContain('webhook.test');

    const rotated = (await (await adminApi.post(`/api/v1/webhooks/${hook.id}/rotate-secret`)).json()) as { secret: string };
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(hook.secret);

    const bad = await adminApi.post('/api/v1/webhooks', { data: { name: '', url: 'http://127.0.0.1:8080/hook', events: [] } });
    expect(bad.status()).toBe(422);
    const { error } = (await bad.json()) as ApiError;
    expect(error.fields).toMatchObject({ name: expect.any(Array), url: expect.any(Array), events: expect.any(Array) });
    const badPatch = await adminApi.patch(`/api/v1/webhooks/${hook.id}`, { data: { url: 'https://169.254.169.254/latest' } });
    expect(badPatch.status()).toBe(422);

    const user = await seed.user({ roles: ['approver', 'auditor'] });
    const api = await userApi(await loginAs(user), playwright.request, baseURL);
    try {
      expect((await api.get('/api/v1/webhooks')).status()).toBe(403);
      expect((await api.post('/api/v1/webhooks', { data: { name: 'x', url: 'https://hooks.example.com/x', events: ['request.created'] } })).status()).toBe(403);
      expect((await api.delete(`/api/v1/webhooks/${hook.id}`)).status()).toBe(403);
    } finally {
      await api.dispose();
    }

    expect((await adminApi.delete(`/api/v1/webhooks/${hook.id}`)).status()).toBe(204);
    expect((await adminApi.get(`/api/v1/webhooks/${hook.id}`)).status()).toBe(404);
  });
});

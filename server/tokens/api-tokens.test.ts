import { eq } from 'drizzle-orm';
import { afterEach, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { apiTokens } from '@/db/schema';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { makeAdmin, makeUser } from '@/test/factories';
import { updateUser } from '../users/update-user';
import { authenticateApiToken } from './authenticate-api-token';
import { createApiToken, TOKEN_PREFIX } from './create-api-token';
import { listApiTokens } from './list-api-tokens';
import { revokeApiToken } from './revoke-api-token';

afterEach(() => {
  vi.useRealTimers();
});

describeEachDriver('API tokens', () => {
  it('authenticates its owner; only a hash is stored and the secret is shown once', async () => {
    const { user, actor } = await makeUser();
    const created = await createApiToken({ actor, input: { name: ' CI deploy ' } });
    expect(created.token.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(created).toMatchObject({ name: 'CI deploy', prefix: created.token.slice(0, 12), revokedAt: null });

    expect((await authenticateApiToken(created.token))?.user.id).toBe(user.id);
    const [row] = await db().select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(row?.lastUsedAt).toBeInstanceOf(Date);

    const listed = await listApiTokens({ actor });
    expect(listed.map((t) => t.id)).toEqual([created.id]);
    expect(JSON.stringify(listed)).not.toContain(created.token);
  });

  it('rejects unknown, malformed and tampered tokens', async () => {
    const { actor } = await makeUser();
    const { token } = await createApiToken({ actor, input: { name: 't' } });
    expect(await authenticateApiToken(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeUndefined();
    expect(await authenticateApiToken(token.slice(TOKEN_PREFIX.length))).toBeUndefined();
    expect(await authenticateApiToken('')).toBeUndefined();
    expect(await authenticateApiToken(`${TOKEN_PREFIX}${'x'.repeat(500)}`)).toBeUndefined();
  });

  it('stops working once revoked, and disappears from the list', async () => {
    const { actor } = await makeUser();
    const keep = await createApiToken({ actor, input: { name: 'keep' } });
    const drop = await createApiToken({ actor, input: { name: 'drop' } });
    // In use just before: the revocation still applies to the very next request.
    expect(await authenticateApiToken(drop.token)).toBeDefined();
    await revokeApiToken({ actor, tokenId: drop.id });
    expect(await authenticateApiToken(drop.token)).toBeUndefined();
    expect(await authenticateApiToken(keep.token)).toBeDefined();
    expect((await listApiTokens({ actor })).map((t) => t.name)).toEqual(['keep']);
    await rejectsWith(revokeApiToken({ actor, tokenId: drop.id }), 'NOT_FOUND');
  });

  it('cannot be revoked or listed by another user, not even an admin', async () => {
    const { actor: owner } = await makeUser();
    const { actor: admin } = await makeAdmin();
    const created = await createApiToken({ actor: owner, input: { name: 'mine' } });
    await rejectsWith(revokeApiToken({ actor: admin, tokenId: created.id }), 'NOT_FOUND');
    await rejectsWith(revokeApiToken({ actor: admin, tokenId: 'not-a-uuid' }), 'NOT_FOUND');
    expect(await listApiTokens({ actor: admin })).toEqual([]);
    expect(await authenticateApiToken(created.token)).toBeDefined();
  });

  it('expires after the chosen number of days', async () => {
    const { actor } = await makeUser();
    const created = await createApiToken({ actor, input: { name: 'short', expiresInDays: 1 } });
    const expiresAt = Date.parse(created.expiresAt ?? '');
    expect(expiresAt - Date.now()).toBeGreaterThan(86_000_000);
    expect(await authenticateApiToken(created.token)).toBeDefined();

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(expiresAt + 1_000);
    expect(await authenticateApiToken(created.token)).toBeUndefined();
  });

  it('expires after 90 days unless another lifetime is chosen, and the list says when', async () => {
    const { actor } = await makeUser();
    const created = await createApiToken({ actor, input: { name: 'default' } });
    const days = (Date.parse(created.expiresAt ?? '') - Date.parse(created.createdAt)) / 86_400_000;
    expect(days).toBeCloseTo(90, 3);
    const [listed] = await listApiTokens({ actor });
    expect(listed?.expiresAt).toBe(created.expiresAt);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse(created.expiresAt ?? '') - 60_000);
    expect(await authenticateApiToken(created.token)).toBeDefined();
    vi.setSystemTime(Date.parse(created.expiresAt ?? '') + 1_000);
    expect(await authenticateApiToken(created.token)).toBeUndefined();
  });

  it('never expires only when an admin asks for it', async () => {
    const { actor: engineer } = await makeUser();
    const refused = await rejectsWith(createApiToken({ actor: engineer, input: { name: 'forever', expiresInDays: 'never' } }), 'FORBIDDEN');
    expect(refused.userMessage).toBe('Only admins can create a token that never expires. Choose 365 days or fewer.');
    expect(refused.fields).toHaveProperty('expiresInDays');
    expect(await listApiTokens({ actor: engineer })).toEqual([]);

    const { actor: admin } = await makeAdmin();
    const created = await createApiToken({ actor: admin, input: { name: 'forever', expiresInDays: 'never' } });
    expect(created.expiresAt).toBeNull();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 5 * 365 * 86_400_000);
    expect(await authenticateApiToken(created.token)).toBeDefined();
  });

  it('stops working when its owner is disabled', async () => {
    const { actor: admin } = await makeAdmin();
    const { user, actor } = await makeUser();
    const { token } = await createApiToken({ actor, input: { name: 't' } });
    expect(await authenticateApiToken(token)).toBeDefined();
    await updateUser({ actor: admin, userId: user.id, input: { isDisabled: true } });
    expect(await authenticateApiToken(token)).toBeUndefined();
  });

  it('acts with the roles its owner has now, from the request after a change', async () => {
    const { actor: admin } = await makeAdmin();
    const { user, actor } = await makeUser({ roles: ['engineer'] });
    const { token } = await createApiToken({ actor, input: { name: 't' } });
    expect((await authenticateApiToken(token))?.user.roles).toEqual(['engineer']);
    await updateUser({ actor: admin, userId: user.id, input: { roles: ['auditor'] } });
    expect((await authenticateApiToken(token))?.user.roles).toContain('auditor');
  });

  it('validates the name and lifetime', async () => {
    const { actor } = await makeUser();
    await rejectsWith(createApiToken({ actor, input: { name: '' } }), 'VALIDATION');
    const error = await rejectsWith(createApiToken({ actor, input: { name: 'x', expiresInDays: 0 } }), 'VALIDATION');
    expect(error.fields).toHaveProperty('expiresInDays');
    await rejectsWith(createApiToken({ actor, input: { name: 'x', expiresInDays: 366 } }), 'VALIDATION');
    await rejectsWith(createApiToken({ actor, input: { name: 'x', expiresInDays: 'forever' as 'never' } }), 'VALIDATION');
    expect(await listApiTokens({ actor })).toEqual([]);
  });
});

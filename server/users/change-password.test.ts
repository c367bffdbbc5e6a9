import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { makeUser } from '@/test/factories';
import { authenticatePassword } from '../auth/authenticate-password';
import { authenticateApiToken } from '../tokens/authenticate-api-token';
import { createApiToken } from '../tokens/create-api-token';
import { listApiTokens } from '../tokens/list-api-tokens';
import { changePassword } from './change-password';

async function row(userId: string) {
  const [user] = await db().select().from(users).where(eq(users.id, userId));
  if (!user) throw new Error('user vanished');
  return user;
}

describeEachDriver('changePassword', () => {
  it('changes the password: the new one signs in, the old one no longer does, other sessions end', async () => {
    const { user, actor, password } = await makeUser({ email: 'pw@example.test' });
    const before = await row(user.id);
    const result = await changePassword({ actor, input: { currentPassword: password, newPassword: 'a brand new passphrase' } });
    expect(result.sessionVersion).toBe(before.sessionVersion + 1);
    expect((await row(user.id)).sessionVersion).toBe(before.sessionVersion + 1);

    const signedIn = await authenticatePassword({ email: 'pw@example.test', password: 'a brand new passphrase', ip: '192.0.2.1' });
    expect(signedIn.id).toBe(user.id);
    await rejectsWith(authenticatePassword({ email: 'pw@example.test', password, ip: '192.0.2.1' }), 'UNAUTHORIZED');
  });

  it('refuses a common new password next to the new-password field, changing nothing', async () => {
    const { user, actor, password } = await makeUser();
    const before = await row(user.id);
    const error = await rejectsWith(changePassword({ actor, input: { currentPassword: password, newPassword: 'password1234' } }), 'VALIDATION');
    expect(error.fields?.newPassword?.[0]).toMatch(/commonly used password/);
    expect((await row(user.id)).passwordHash).toBe(before.passwordHash);
  });

  it('revokes the API tokens made before the change; tokens made after it work', async () => {
    const { user, actor, password } = await makeUser();
    const before = await createApiToken({ actor, input: { name: 'before' } });
    expect((await authenticateApiToken(before.token))?.user.id).toBe(user.id);

    await changePassword({ actor, input: { currentPassword: password, newPassword: 'a brand new passphrase' } });
    expect(await authenticateApiToken(before.token)).toBeUndefined();
    expect(await listApiTokens({ actor })).toEqual([]);

    const after = await createApiToken({ actor, input: { name: 'after' } });
    expect((await authenticateApiToken(after.token))?.user.id).toBe(user.id);
  });

  it('with a wrong current password fails on that field and changes nothing', async () => {
    const { user, actor } = await makeUser();
    const before = await row(user.id);
    const error = await rejectsWith(
      changePassword({ actor, input: { currentPassword: 'not my password', newPassword: 'a brand new passphrase' } }),
      'VALIDATION',
    );
    expect(error.fields).toHaveProperty('currentPassword');
    const after = await row(user.id);
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion);
  });

  it('rejects a too-short new password without touching the stored one', async () => {
    const { user, actor, password } = await makeUser();
    const before = await row(user.id);
    const error = await rejectsWith(changePassword({ actor, input: { currentPassword: password, newPassword: 'short' } }), 'VALIDATION');
    expect(error.fields).toHaveProperty('newPassword');
    expect((await row(user.id)).passwordHash).toBe(before.passwordHash);
  });

  it('explains that a single-sign-on account has no password', async () => {
    const { user, actor, password } = await makeUser();
    await db().update(users).set({ passwordHash: null, oidcSubject: 'sso|123' }).where(eq(users.id, user.id));
    await rejectsWith(changePassword({ actor, input: { currentPassword: password, newPassword: 'a brand new passphrase' } }), 'BAD_REQUEST');
  });
});

import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { makeAdmin, makeUser } from '@/test/factories';
import { findUserById } from './find-user';
import { updateUser } from './update-user';

async function sessionVersion(userId: string): Promise<number> {
  const [row] = await db().select({ v: users.sessionVersion }).from(users).where(eq(users.id, userId));
  return row?.v ?? Number.NaN;
}

describeEachDriver('updateUser', () => {
  it('renames without touching roles or signing the user out', async () => {
    const { actor } = await makeAdmin();
    const { user } = await makeUser({ roles: ['approver', 'auditor'] });
    const before = await sessionVersion(user.id);
    const view = await updateUser({ actor, userId: user.id, input: { name: '  Renamed ' } });
    expect(view.name).toBe('Renamed');
    expect(view.roles.sort()).toEqual(['approver', 'auditor', 'engineer']);
    expect(await sessionVersion(user.id)).toBe(before);
  });

  it('lets the only admin rename themselves', async () => {
    const { actor, user } = await makeAdmin();
    const view = await updateUser({ actor, userId: user.id, input: { name: 'Still Admin' } });
    expect(view).toMatchObject({ name: 'Still Admin', isDisabled: false });
    expect(view.roles).toContain('admin');
  });

  it('re-roles (engineer is always kept) and signs the user out everywhere', async () => {
    const { actor } = await makeAdmin();
    const { user } = await makeUser();
    const before = await sessionVersion(user.id);
    const view = await updateUser({ actor, userId: user.id, input: { roles: ['auditor'] } });
    expect(view.roles.sort()).toEqual(['auditor', 'engineer']);
    expect(await sessionVersion(user.id)).toBe(before + 1);
  });

  it('disabling bumps the session version, and so does enabling again', async () => {
    const { actor } = await makeAdmin();
    const { user } = await makeUser();
    const v1 = await sessionVersion(user.id);
    expect((await updateUser({ actor, userId: user.id, input: { isDisabled: true } })).isDisabled).toBe(true);
    expect(await sessionVersion(user.id)).toBe(v1 + 1);
    // Disabling an already disabled user changes nothing that matters.
    await updateUser({ actor, userId: user.id, input: { isDisabled: true } });
    expect(await sessionVersion(user.id)).toBe(v1 + 1);
    expect((await updateUser({ actor, userId: user.id, input: { isDisabled: false } })).isDisabled).toBe(false);
    expect(await sessionVersion(user.id)).toBe(v1 + 2);
  });

  it('refuses to remove the last active admin, and an admin cannot demote or disable themselves', async () => {
    const { actor: admin, user: adminUser } = await makeAdmin();
    await rejectsWith(updateUser({ actor: admin, userId: adminUser.id, input: { roles: ['approver'] } }), 'CONFLICT');
    await rejectsWith(updateUser({ actor: admin, userId: adminUser.id, input: { isDisabled: true } }), 'CONFLICT');
    expect((await findUserById(adminUser.id))?.roles).toContain('admin');

    // A second admin can demote the first, but then not the last one left.
    const { actor: second, user: secondUser } = await makeAdmin();
    await updateUser({ actor: second, userId: adminUser.id, input: { roles: [] } });
    expect((await findUserById(adminUser.id))?.roles).toEqual(['engineer']);
    // A stale actor (still carrying the admin role) is the only way left to try it.
    await rejectsWith(updateUser({ actor: admin, userId: secondUser.id, input: { isDisabled: true } }), 'CONFLICT');
    const row = await findUserById(secondUser.id);
    expect(row?.isDisabled).toBe(false);
    expect(row?.roles).toContain('admin');
  });

  it('two admins demoting each other at once leave one admin, not none', async () => {
    for (let round = 0; round < 5; round++) {
      await db()
        .update(users)
        .set({ roles: ['engineer'] })
        .where(sql`'admin' = any(${users.roles})`);
      const [a, b] = [await makeAdmin(), await makeAdmin()];
      const results = await Promise.allSettled([
        updateUser({ actor: a.actor, userId: b.user.id, input: { roles: [] } }),
        updateUser({ actor: b.actor, userId: a.user.id, input: { isDisabled: true } }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const admins = await db()
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.isDisabled, false), sql`'admin' = any(${users.roles})`));
      expect(admins).toHaveLength(1);
    }
  });

  it('counts only enabled admins as the remaining admin', async () => {
    const { actor: admin } = await makeAdmin();
    const { user: other } = await makeAdmin();
    await updateUser({ actor: admin, userId: other.id, input: { isDisabled: true } });
    // The other admin is disabled: demoting the current one would leave no active admin.
    const { actor: third, user: thirdUser } = await makeAdmin();
    await updateUser({ actor: third, userId: admin.id, input: { roles: [] } });
    await rejectsWith(updateUser({ actor: admin, userId: thirdUser.id, input: { roles: [] } }), 'CONFLICT');
  });

  it('is for admins only, and says NOT_FOUND for an unknown user', async () => {
    const { actor: engineer } = await makeUser();
    const { user } = await makeUser();
    await rejectsWith(updateUser({ actor: engineer, userId: user.id, input: { roles: ['admin'] } }), 'FORBIDDEN');
    expect((await findUserById(user.id))?.roles).toEqual(['engineer']);

    const { actor } = await makeAdmin();
    await rejectsWith(updateUser({ actor, userId: '00000000-0000-4000-8000-000000000000', input: { name: 'x' } }), 'NOT_FOUND');
    await rejectsWith(updateUser({ actor, userId: 'not-a-uuid', input: { name: 'x' } }), 'NOT_FOUND');
    await rejectsWith(updateUser({ actor, userId: user.id, input: {} }), 'VALIDATION');
  });
});

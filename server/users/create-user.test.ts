import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, users } from '@/db/schema';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { makeAdmin, makeUser, TEST_PASSWORD } from '@/test/factories';
import { verifyPassword } from '../crypto/password';
import { createUser } from './create-user';
import { findUserByEmail } from './find-user';
import { listUsers } from './list-users';

describeEachDriver('createUser', () => {
  it('lets an admin create a user who always has the engineer role; the view never carries the hash', async () => {
    const { actor } = await makeAdmin();
    const view = await createUser({
      actor,
      input: { email: '  Grace@Example.TEST ', name: ' Grace Hopper ', password: TEST_PASSWORD, roles: ['approver'] },
    });
    expect(view).toMatchObject({ email: 'grace@example.test', name: 'Grace Hopper', isDisabled: false, hasPassword: true, isSso: false });
    expect(view.roles.sort()).toEqual(['approver', 'engineer']);
    expect(JSON.stringify(view)).not.toMatch(/argon2|passwordHash/);

    const row = await findUserByEmail('GRACE@example.test');
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row?.passwordHash ?? '', TEST_PASSWORD)).toBe(true);

    const [event] = await db().select().from(auditEvents).where(eq(auditEvents.targetId, view.id));
    expect(event).toMatchObject({ action: 'user.create', actorId: actor.id });
  });

  it('rejects a second account with the same e-mail in any case, naming the email field', async () => {
    const { actor } = await makeAdmin();
    await createUser({ actor, input: { email: 'ada@example.test', name: 'Ada', password: TEST_PASSWORD } });
    const error = await rejectsWith(createUser({ actor, input: { email: 'ADA@Example.Test', name: 'Other Ada', password: TEST_PASSWORD } }), 'CONFLICT');
    expect(error.fields).toHaveProperty('email');
    expect(error.status).toBe(409);
    const rows = await db().select().from(users).where(eq(users.name, 'Other Ada'));
    expect(rows).toHaveLength(0);
  });

  it('refuses non-admins', async () => {
    for (const roles of [[], ['approver'], ['auditor']] as const) {
      const { actor } = await makeUser({ roles: [...roles] });
      await rejectsWith(createUser({ actor, input: { email: `x-${roles.join('')}@example.test`, name: 'X', password: TEST_PASSWORD } }), 'FORBIDDEN');
    }
    expect(await findUserByEmail('x-@example.test')).toBeUndefined();
  });

  it('validates the input with per-field messages', async () => {
    const { actor } = await makeAdmin();
    const error = await rejectsWith(createUser({ actor, input: { email: 'not-an-email', name: '', password: 'short' } }), 'VALIDATION');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['email', 'name', 'password']);
  });

  it('refuses a common or easy-to-guess password, even for an admin, saying why next to the field', async () => {
    const { actor } = await makeAdmin();
    for (const [password, why] of [
      ['aaaaaaaaaaaa', /Repeated characters/],
      ['password1234', /commonly used password/],
      ['qwertyuiop123', /commonly used password/],
    ] as const) {
      const error = await rejectsWith(createUser({ actor, input: { email: 'root@example.test', name: 'Root', password, roles: ['admin'] } }), 'VALIDATION');
      expect(error.fields?.password?.[0]).toMatch(why);
    }
    expect(await findUserByEmail('root@example.test')).toBeUndefined();
    await createUser({ actor, input: { email: 'root@example.test', name: 'Root', password: 'winter harbour lantern quietly', roles: ['admin'] } });
    expect(await findUserByEmail('root@example.test')).toBeDefined();
  });
});

describeEachDriver('listUsers', () => {
  it('lists users by e-mail for admins only', async () => {
    const { actor: admin } = await makeUser({ roles: ['admin'], email: 'm-admin@example.test' });
    const { actor: engineer } = await makeUser({ email: 'b-engineer@example.test' });
    const list = await listUsers({ actor: admin });
    expect(list.map((u) => u.email)).toEqual(['b-engineer@example.test', 'm-admin@example.test']);
    await rejectsWith(listUsers({ actor: engineer }), 'FORBIDDEN');
  });
});

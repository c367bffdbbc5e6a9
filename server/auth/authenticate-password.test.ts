import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { makeAdmin, makeUser } from '@/test/factories';
import { updateUser } from '../users/update-user';
import { authenticatePassword } from './authenticate-password';

describeEachDriver('authenticatePassword', () => {
  it('signs in with the right password (any e-mail case) and stamps the last login', async () => {
    const { user, password } = await makeUser({ email: 'ada@example.test' });
    const signedIn = await authenticatePassword({ email: ' ADA@example.test', password, ip: '192.0.2.1' });
    expect(signedIn.id).toBe(user.id);
    expect(signedIn.lastLoginAt).toBeNull(); // the row as read; the stamp is written after
    const events = await db().select().from(auditEvents).where(eq(auditEvents.action, 'auth.login'));
    expect(events).toHaveLength(1);
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    const { password } = await makeUser({ email: 'ada@example.test' });
    const wrong = await rejectsWith(authenticatePassword({ email: 'ada@example.test', password: `${password}!`, ip: '192.0.2.1' }), 'UNAUTHORIZED');
    const unknown = await rejectsWith(authenticatePassword({ email: 'nobody@example.test', password, ip: '192.0.2.1' }), 'UNAUTHORIZED');
    expect(wrong.userMessage).toBe(unknown.userMessage);
  });

  it('locks one address after 5 wrong passwords, while the right password from another address still signs in', async () => {
    const { user, password } = await makeUser({ email: 'ada@example.test' });
    for (let i = 0; i < 5; i++) await rejectsWith(authenticatePassword({ email: 'ada@example.test', password: 'wrong', ip: '192.0.2.1' }), 'UNAUTHORIZED');
    const locked = await rejectsWith(authenticatePassword({ email: 'ada@example.test', password, ip: '192.0.2.1' }), 'RATE_LIMITED');
    expect(locked.userMessage).toMatch(/Try again in 15 minutes/);
    expect(locked.status).toBe(429);
    expect((await authenticatePassword({ email: 'ada@example.test', password, ip: '192.0.2.2' })).id).toBe(user.id);
  });

  it('a burst of parallel wrong passwords from one address gets no more than 5 to the password check', async () => {
    const { password } = await makeUser({ email: 'ada@example.test' });
    const burst = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => authenticatePassword({ email: 'ada@example.test', password: `guess-${i}`, ip: '192.0.2.1' })),
    );
    const codes = burst.map((result) => (result.status === 'rejected' ? (result.reason as { code?: string }).code : 'SIGNED_IN'));
    expect(codes.filter((code) => code === 'UNAUTHORIZED')).toHaveLength(5);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(15);
    // The lock holds for the right password too.
    await rejectsWith(authenticatePassword({ email: 'ada@example.test', password, ip: '192.0.2.1' }), 'RATE_LIMITED');
  });

  it('signing in counts as no failure: after six sign-ins, one typo does not hold back the right password', async () => {
    const { user, password } = await makeUser({ email: 'ada@example.test' });
    for (let i = 0; i < 6; i++) await authenticatePassword({ email: 'ada@example.test', password, ip: '192.0.2.1' });
    await rejectsWith(authenticatePassword({ email: 'ada@example.test', password: 'typo', ip: '192.0.2.1' }), 'UNAUTHORIZED');
    expect((await authenticatePassword({ email: 'ada@example.test', password, ip: '192.0.2.1' })).id).toBe(user.id);
  });

  it('a spray of wrong passwords from many addresses slows the account but never stops its owner at a fresh address', async () => {
    const { user, password } = await makeUser({ email: 'ada@example.test' });
    const spray = Array.from({ length: 12 }, (_, i) => `198.51.100.${i}`);
    for (const ip of spray) await rejectsWith(authenticatePassword({ email: 'ada@example.test', password: 'guess', ip }), 'UNAUTHORIZED');
    // Each sprayer's next guess must wait, longer with every failure on the account.
    const slowed = await rejectsWith(authenticatePassword({ email: 'ada@example.test', password: 'guess-2', ip: '198.51.100.0' }), 'RATE_LIMITED');
    expect(slowed.userMessage).toMatch(/Try again in 3 minutes/);
    expect((await authenticatePassword({ email: 'ada@example.test', password, ip: '203.0.113.9' })).id).toBe(user.id);
    // The owner's success does not lift the slow-down for the sprayers.
    await rejectsWith(authenticatePassword({ email: 'ada@example.test', password: 'guess-3', ip: '198.51.100.1' }), 'RATE_LIMITED');
  });

  it('refuses a disabled account with its own message', async () => {
    const { actor: admin } = await makeAdmin();
    const { user, password } = await makeUser({ email: 'gone@example.test' });
    await updateUser({ actor: admin, userId: user.id, input: { isDisabled: true } });
    const error = await rejectsWith(authenticatePassword({ email: 'gone@example.test', password, ip: '192.0.2.1' }), 'FORBIDDEN');
    expect(error.userMessage).toMatch(/disabled/);
  });
});

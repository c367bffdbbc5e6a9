import { eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { makeAdmin, makeUser } from '@/test/factories';
import { updateUser } from '../users/update-user';
import { authenticatePassword } from './authenticate-password';
import { resetLoginLimits } from './login-rate-limit';

beforeEach(() => resetLoginLimits());

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

  it('locks the account after 5 failures, even for the right password, and a success clears the count', async () => {
    const { password } = await makeUser({ email: 'ada@example.test' });
    for (let i = 0; i < 4; i++) await rejectsWith(authenticatePassword({ email: 'ada@example.test', password: 'wrong', ip: '192.0.2.1' }), 'UNAUTHORIZED');
    await authenticatePassword({ email: 'ada@example.test', password, ip: '192.0.2.1' });
    // The count restarted: four more failures still leave the account open.
    for (let i = 0; i < 4; i++) await rejectsWith(authenticatePassword({ email: 'ada@example.test', password: 'wrong', ip: '192.0.2.2' }), 'UNAUTHORIZED');
    await authenticatePassword({ email: 'ada@example.test', password, ip: '192.0.2.2' });

    for (let i = 0; i < 5; i++) await rejectsWith(authenticatePassword({ email: 'ada@example.test', password: 'wrong', ip: '192.0.2.3' }), 'UNAUTHORIZED');
    const locked = await rejectsWith(authenticatePassword({ email: 'ada@example.test', password, ip: '192.0.2.4' }), 'RATE_LIMITED');
    expect(locked.userMessage).toMatch(/Try again in 15 minutes/);
    expect(locked.status).toBe(429);
  });

  it('refuses a disabled account with its own message', async () => {
    const { actor: admin } = await makeAdmin();
    const { user, password } = await makeUser({ email: 'gone@example.test' });
    await updateUser({ actor: admin, userId: user.id, input: { isDisabled: true } });
    const error = await rejectsWith(authenticatePassword({ email: 'gone@example.test', password, ip: '192.0.2.1' }), 'FORBIDDEN');
    expect(error.userMessage).toMatch(/disabled/);
  });
});

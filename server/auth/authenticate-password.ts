import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { users, type User } from '@/db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { findUserByEmail } from '../users/find-user';
import { clearAccountFailures, loginRetryAfter, recordLoginFailure } from './login-rate-limit';
import { burnPasswordCheck, verifyPassword } from './password';

/** Checks an e-mail and password, with per-account and per-IP limits on failures. */
export async function authenticatePassword({ email, password, ip }: { email: string; password: string; ip: string }): Promise<User> {
  const retryAfter = loginRetryAfter(email, ip);
  if (retryAfter > 0) {
    const minutes = Math.ceil(retryAfter / 60_000);
    throw new AppError('RATE_LIMITED', {
      userMessage: `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    });
  }
  const user = await findUserByEmail(email);
  const isValid = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (!user || !isValid) {
    recordLoginFailure(email, ip);
    await recordAuditEvent({ actorId: user?.id ?? null, action: 'auth.login_failed', data: { email, ip } });
    throw new AppError('UNAUTHORIZED', { userMessage: 'Wrong e-mail or password.' });
  }
  if (user.isDisabled) {
    throw new AppError('FORBIDDEN', { userMessage: 'This account is disabled. Ask an admin to enable it.' });
  }
  clearAccountFailures(email);
  await db().update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
  await recordAuditEvent({ actorId: user.id, action: 'auth.login', data: { method: 'password', ip } });
  return user;
}

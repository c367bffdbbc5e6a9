import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { users, type User } from '@/db/schema';
import { formatCount } from '@/lib/format/count';
import { recordAuditEvent } from '../audit/record-audit-event';
import { isUnstorableText } from '@/lib/text/unstorable-text';
import { AppError } from '../errors/app-error';
import { metrics } from '../metrics/registry';
import { findUserByEmail } from '../users/find-user';
import { forgiveLoginAttempt, reserveLoginAttempt } from './login-rate-limit';
import { burnPasswordCheck, verifyPassword } from '../crypto/password';

function waitText(ms: number): string {
  if (ms < 60_000) return formatCount(Math.ceil(ms / 1000), 'second');
  return formatCount(Math.ceil(ms / 60_000), 'minute');
}

/** Checks an e-mail and password, within the failure limits of login-rate-limit.ts. */
export async function authenticatePassword({ email, password, ip }: { email: string; password: string; ip: string }): Promise<User> {
  // No account has such an address, and the database could not compare it.
  if (isUnstorableText(email)) throw new AppError('UNAUTHORIZED', { userMessage: 'Wrong e-mail or password.' });
  // Counted as a failure from here on, until the password proves right.
  const retryAfter = await reserveLoginAttempt(email, ip);
  if (retryAfter > 0) {
    metrics().loginFailures.inc();
    throw new AppError('RATE_LIMITED', { userMessage: `Too many failed attempts. Try again in ${waitText(retryAfter)}.` });
  }
  const user = await findUserByEmail(email);
  const isValid = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (!user || !isValid) {
    metrics().loginFailures.inc();
    await recordAuditEvent({ actorId: user?.id ?? null, action: 'auth.login_failed', data: { email, ip } });
    throw new AppError('UNAUTHORIZED', { userMessage: 'Wrong e-mail or password.' });
  }
  await forgiveLoginAttempt(email, ip);
  if (user.isDisabled) {
    throw new AppError('FORBIDDEN', { userMessage: 'This account is disabled. Ask an admin to enable it.' });
  }
  await db().update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
  await recordAuditEvent({ actorId: user.id, action: 'auth.login', data: { method: 'password', ip } });
  return user;
}

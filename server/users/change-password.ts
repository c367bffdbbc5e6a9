import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { hashPassword, verifyPassword } from '../crypto/password';
import { assertPasswordAllowed } from './password-policy';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { revokeUserTokens } from '../tokens/revoke-user-tokens';
import { changePasswordInput } from './user-schemas';
import { findUserById } from './find-user';
import { announceAccessChange } from '../events/access-changes';
import { invalidateCaches } from '../events/invalidated-cache';

/**
 * Changes the actor's own password; every browser session of this user is signed out and
 * every API token made before is revoked.
 */
export async function changePassword({ actor, input }: { actor: Actor; input: z.input<typeof changePasswordInput> }): Promise<{ sessionVersion: number }> {
  const data = changePasswordInput.parse(input);
  const user = await findUserById(actor.id);
  if (!user) throw new AppError('UNAUTHORIZED');
  if (!user.passwordHash) {
    throw new AppError('BAD_REQUEST', { userMessage: 'This account signs in with single sign-on and has no password.' });
  }
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) {
    throw new AppError('VALIDATION', { userMessage: 'The current password is wrong.', fields: { currentPassword: ['Wrong password'] } });
  }
  assertPasswordAllowed(data.newPassword, { field: 'newPassword', email: user.email, name: user.name });
  const passwordHash = await hashPassword(data.newPassword);
  const changed = await db().transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, signInsEndedAt: sql`now()`, updatedAt: new Date() })
      .where(eq(users.id, user.id))
      .returning({ sessionVersion: users.sessionVersion });
    await recordAuditEvent({ actorId: actor.id, action: 'user.change_password', targetType: 'user', targetId: user.id }, tx);
    await revokeUserTokens({ userId: user.id, actorId: actor.id, reason: 'password_change' }, tx);
    return { sessionVersion: row?.sessionVersion ?? user.sessionVersion + 1 };
  });
  // The revoked tokens are refused from the next request on, on every replica, and what every
  // sign-in of the user opened ends (the browser that changed it signs in again).
  invalidateCaches('auth');
  await announceAccessChange({ type: 'user.sign_in_ended', userId: user.id });
  return changed;
}

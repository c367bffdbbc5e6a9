import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { requireRole } from '../actor/require-role';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { announceAccessChange } from '../events/access-changes';
import { terminateSessions } from '../events/terminate-sessions';
import { updateUserInput, type UpdateUserInput, type UserView } from './user-schemas';
import { toUserView } from './user-view';
import { findUserById } from './find-user';
import { invalidateCaches } from '../events/invalidated-cache';

/**
 * Renames, re-roles, disables or re-enables a user (admins only). Disabling ends the user's
 * live sessions on every replica and revokes their grants; a role change ends the sessions
 * the new roles no longer allow (both done by access/, which follows the announced change).
 */
export async function updateUser({ actor, userId, input }: { actor: Actor; userId: string; input: UpdateUserInput }): Promise<UserView> {
  requireRole(actor, 'admin');
  const data = updateUserInput.parse(input);
  const existing = await findUserById(userId);
  if (!existing) throw new AppError('NOT_FOUND', { userMessage: 'No such user.' });

  const losesAdmin = (data.roles && !data.roles.includes('admin')) || data.isDisabled === true;
  if (losesAdmin && existing.roles.includes('admin') && !existing.isDisabled) {
    if (userId === actor.id) {
      throw new AppError('CONFLICT', { userMessage: 'You cannot remove your own admin role or disable yourself.' });
    }
  }

  const { view, isNowDisabled, rolesChanged } = await db().transaction(async (tx) => {
    if (losesAdmin) {
      // Lock every active admin row: two admins demoting each other at once take turns, and
      // the second sees the first's change (its WHERE is re-checked on the locked rows).
      const admins = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.isDisabled, false), sql`'admin' = any(${users.roles})`))
        .for('update');
      const isActiveAdmin = admins.some((admin) => admin.id === userId);
      if (isActiveAdmin && admins.length < 2) throw new AppError('CONFLICT', { userMessage: 'Porthole needs at least one active admin.' });
    }
    const rolesChanged = data.roles !== undefined && data.roles.join() !== existing.roles.join();
    const disabledChanged = data.isDisabled !== undefined && data.isDisabled !== existing.isDisabled;
    const [user] = await tx
      .update(users)
      .set({
        name: data.name,
        roles: data.roles,
        isDisabled: data.isDisabled,
        // Sign the user out everywhere when what they may do changes.
        sessionVersion: rolesChanged || disabledChanged ? sql`${users.sessionVersion} + 1` : undefined,
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId))
      .returning();
    if (!user) throw new AppError('NOT_FOUND', { userMessage: 'No such user.' });
    await recordAuditEvent({ actorId: actor.id, action: 'user.update', targetType: 'user', targetId: userId, data: { ...data } }, tx);
    return { view: toUserView(user), isNowDisabled: disabledChanged && user.isDisabled, rolesChanged };
  });

  // After the commit, so a reconnect attempt already sees the change and is refused.
  invalidateCaches('auth');
  if (isNowDisabled) {
    terminateSessions({ userId }, 'user_disabled');
    await announceAccessChange({ type: 'user.disabled', actor, userId });
  } else if (rolesChanged) {
    await announceAccessChange({ type: 'user.roles_changed', userId });
  }
  return view;
}

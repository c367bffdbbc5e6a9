import { db } from '@/db/client';
import { users, type Role } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { isUniqueViolation } from './unique-violation';
import type { UserView } from './user-schemas';
import { toUserView } from './user-view';

export type NewUser = { email: string; name: string; roles: Role[]; passwordHash: string };

/**
 * Stores a user whose input is validated and whose password passed the policy and is hashed
 * (createUser does both), with its audit event, in one transaction. A taken e-mail is a
 * CONFLICT on the form's field.
 */
export async function insertUser({ actor, user }: { actor: Actor | null; user: NewUser }): Promise<UserView> {
  try {
    return await db().transaction(async (tx) => {
      const [row] = await tx.insert(users).values(user).returning();
      if (!row) throw new Error('insert returned no row');
      await recordAuditEvent(
        { actorId: actor?.id ?? null, action: 'user.create', targetType: 'user', targetId: row.id, data: { email: row.email, roles: row.roles } },
        tx,
      );
      return toUserView(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', { userMessage: 'A user with this e-mail already exists.', fields: { email: ['Already in use'] } });
    }
    throw error;
  }
}

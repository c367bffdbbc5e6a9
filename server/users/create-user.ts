import { db } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { hashPassword } from '../crypto/password';
import { assertPasswordAllowed } from './password-policy';
import { requireRole } from '../actor/require-role';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { isUniqueViolation } from './unique-violation';
import { createUserInput, type CreateUserInput, type UserView } from './user-schemas';
import { toUserView } from './user-view';

export async function createUser({ actor, input }: { actor: Actor | null; input: CreateUserInput }): Promise<UserView> {
  // actor null: the system itself (first admin, demo seed); everyone else must be an admin.
  if (actor) requireRole(actor, 'admin');
  const data = createUserInput.parse(input);
  assertPasswordAllowed(data.password, { email: data.email, name: data.name });
  const passwordHash = await hashPassword(data.password);
  try {
    return await db().transaction(async (tx) => {
      const [user] = await tx.insert(users).values({ email: data.email, name: data.name, passwordHash, roles: data.roles }).returning();
      if (!user) throw new Error('insert returned no row');
      await recordAuditEvent(
        { actorId: actor?.id ?? null, action: 'user.create', targetType: 'user', targetId: user.id, data: { email: user.email, roles: user.roles } },
        tx,
      );
      return toUserView(user);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', { userMessage: 'A user with this e-mail already exists.', fields: { email: ['Already in use'] } });
    }
    throw error;
  }
}

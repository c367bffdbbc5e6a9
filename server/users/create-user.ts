import type { Actor } from '../actor/actor';
import { hashPassword } from '../crypto/password';
import { assertPasswordAllowed } from './password-policy';
import { requireRole } from '../actor/require-role';
import { insertUser } from './insert-user';
import { createUserInput, type CreateUserInput, type UserView } from './user-schemas';

export async function createUser({ actor, input }: { actor: Actor | null; input: CreateUserInput }): Promise<UserView> {
  // actor null: the system itself (first admin, demo seed); everyone else must be an admin.
  if (actor) requireRole(actor, 'admin');
  const data = createUserInput.parse(input);
  assertPasswordAllowed(data.password, { email: data.email, name: data.name });
  const passwordHash = await hashPassword(data.password);
  return insertUser({ actor, user: { email: data.email, name: data.name, roles: data.roles, passwordHash } });
}

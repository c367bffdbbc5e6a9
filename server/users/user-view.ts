import type { User } from '@/db/schema';
import type { UserView } from './user-schemas';

/** What leaves the server about a user: never the password hash. */
export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    isDisabled: user.isDisabled,
    hasPassword: user.passwordHash !== null,
    isSso: user.oidcSubject !== null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}

import type { Role } from '@/db/schema';
import { AppError } from '../errors/app-error';
import { hasRole, type Actor } from './actor';

/** The domain-level permission check: every server/<domain> function calls this or checks ownership. */
export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.some((role) => hasRole(actor, role))) throw new AppError('FORBIDDEN');
}

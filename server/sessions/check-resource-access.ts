import type { Resource, Role } from '@/db/schema';
import { canConnect } from '../access/can-connect';
import { AppError } from '../errors/app-error';

/** The part of a user that decides access: checked at session creation and again at upgrade. */
export type AccessSubject = { id: string; roles: Role[] };

/**
 * Whether `subject` may open a session (terminal or SQL console) on `resource` right now. The one place the rule lives,
 * so the access-request issue adds grants here and both the API and the gateway follow.
 */
export async function checkResourceAccess(subject: AccessSubject, resource: Resource): Promise<{ grant: { id: string; expiresAt: Date } | null }> {
  // SSH and Kubernetes resources open a terminal, PostgreSQL and MySQL resources a SQL console, HTTP resources the HTTP console.
  if (resource.type !== 'ssh' && resource.type !== 'kubernetes' && resource.type !== 'postgres' && resource.type !== 'mysql' && resource.type !== 'http') {
    throw new AppError('BAD_REQUEST', { userMessage: 'This kind of resource does not open a session.' });
  }
  // Open resources admit their listed roles; approval resources need a grant active now.
  const decision = await canConnect(subject, resource);
  if (!decision.isAllowed) throw new AppError('FORBIDDEN', { userMessage: decision.message });
  return { grant: decision.grant };
}

/** The same rule as a yes/no, for pages that only decide whether to offer "Connect". */
export async function hasResourceAccess(subject: AccessSubject, resource: Resource): Promise<boolean> {
  try {
    await checkResourceAccess(subject, resource);
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

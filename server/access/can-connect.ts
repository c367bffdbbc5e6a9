import type { Resource } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { getActiveGrant } from './get-active-grant';

export type ConnectDecision =
  | { isAllowed: true; via: 'open'; grant: null }
  | { isAllowed: true; via: 'grant'; grant: { id: string; expiresAt: Date } }
  | { isAllowed: false; reason: 'role' | 'no_grant'; message: string };

/**
 * The one rule the gateway follows, at session creation, at the WebSocket upgrade and on
 * its periodic re-check: an `open` resource admits its listed roles; an `approval` resource
 * admits only a user with a grant active right now (database clock).
 */
export async function canConnect(actor: Pick<Actor, 'id' | 'roles'>, resource: Pick<Resource, 'id' | 'accessMode' | 'allowedRoles'>): Promise<ConnectDecision> {
  if (resource.accessMode === 'open') {
    if (resource.allowedRoles.some((role) => actor.roles.includes(role))) return { isAllowed: true, via: 'open', grant: null };
    return { isAllowed: false, reason: 'role', message: 'Your role is not allowed to connect to this resource.' };
  }
  const grant = await getActiveGrant({ userId: actor.id, resourceId: resource.id });
  if (grant) return { isAllowed: true, via: 'grant', grant: { id: grant.id, expiresAt: grant.expiresAt } };
  return { isAllowed: false, reason: 'no_grant', message: 'This resource needs an approved access request before you can connect.' };
}

import type { Resource } from '@/db/schema';
import { AppError } from '../errors/app-error';
import { findResource } from '../resources/find-resource';
import { checkResourceAccess } from '../sessions/check-resource-access';
import { findUserById } from '../users/find-user';
import type { RelayEnd } from './relay-session';

/**
 * Checked before every request an HTTP console sends, not only at the upgrade: a request is
 * one action, and the grant may have ended a moment ago on another replica before the event
 * reached this one. Ends the session (and returns undefined) when the user, the resource or
 * the access is gone; returns the resource as it is now (a new credential is used at once).
 * Database errors propagate: no request is sent unchecked.
 */
export async function checkHttpAccess(userId: string, resourceId: string, end: (end: RelayEnd) => void): Promise<Resource | undefined> {
  const [user, resource] = await Promise.all([findUserById(userId), findResource(resourceId)]);
  if (!user || user.isDisabled) return void end({ reason: 'user_disabled', message: 'Your account was disabled.', exitCode: null });
  if (!resource) return void end({ reason: 'resource_deleted', message: 'The resource was deleted.', exitCode: null });
  try {
    await checkResourceAccess(user, resource);
    return resource;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return void end({ reason: 'grant_expired', message: `Access ended: ${error.userMessage}`, exitCode: null });
  }
}

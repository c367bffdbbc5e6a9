import { followAccessChanges } from '../events/access-changes';
import { endSessionsWithoutAccess } from './enforce-grants';
import { revokeUserGrants } from './revoke-user-grants';

/**
 * access/'s answer to a user or resource change (announced by users/ and resources/, which
 * cannot import access/): a disabled user's grants are revoked, and the active sessions a new
 * role or access rule no longer allows, or whose sign-in ended, are ended on whichever replica relays them. Returns a
 * function that stops following.
 */
export function followUserAndResourceChanges(): () => void {
  return followAccessChanges(async (change) => {
    if (change.type === 'user.disabled') await revokeUserGrants({ actor: change.actor, userId: change.userId, reason: 'The account was disabled.' });
    else if (change.type === 'user.roles_changed' || change.type === 'user.sign_in_ended') await endSessionsWithoutAccess({ userId: change.userId });
    else await endSessionsWithoutAccess({ resourceId: change.resourceId });
  });
}

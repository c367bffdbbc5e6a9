import { publish, type SessionSelector, type TerminationReason } from './event-bus';

/** What the terminal or SQL console shows under the end banner's title. */
export const TERMINATION_MESSAGES: Record<TerminationReason, string> = {
  terminated: 'You are no longer allowed to use this resource.',
  grant_expired: 'Your access grant expired. Request access again to reconnect.',
  grant_revoked: 'Your access was revoked.',
  user_disabled: 'An admin disabled your account, so your sessions were ended.',
  signed_out: 'The sign-in that opened this session ended (signed out, password changed, API token revoked or expired, or the sign-in reached its time limit).',
  resource_deleted: 'An admin deleted this resource, so its sessions were ended.',
};

/**
 * Beside the bus, not in sessions/: access/, resources/ and users/ end sessions with it, and
 * sessions/ stands above them.
 *
 * Ends the selected live sessions on every replica (after the change that ends them has
 * committed, so a reconnect is refused). Each session writes its own end to its row.
 */
export function terminateSessions(selector: SessionSelector, reason: TerminationReason, message = TERMINATION_MESSAGES[reason]): void {
  publish({ type: 'session.terminate', selector, reason, message });
}

import type { Actor } from '../actor/actor';
import { processSingleton } from '@/lib/process-singleton';

/**
 * A change to a user or a resource that access/ answers before the change's action returns:
 * a disabled user's grants are revoked, sessions a new role or access rule no longer allows
 * are ended. users/ and resources/ stand below access/, so they announce the change here and
 * access/ follows it (started with the jobs: access/follow-access-changes.ts). Unlike the bus,
 * this stays in the process and is awaited: the admin's action returns once it is done.
 */
export type AccessChange =
  | { type: 'user.disabled'; actor: Actor; userId: string }
  | { type: 'user.roles_changed'; userId: string }
  /** Signed out, changed their password or revoked a token: the sessions those sign-ins opened end. */
  | { type: 'user.sign_in_ended'; userId: string }
  | { type: 'resource.rule_changed'; resourceId: string };

type Follower = (change: AccessChange) => Promise<void>;

// One set per process: route code (server actions) announces, the custom server's start-up follows.
const followers = () => processSingleton('accessChangeFollowers', () => new Set<Follower>());

/** Returns a function that stops following. */
export function followAccessChanges(follower: Follower): () => void {
  followers().add(follower);
  return () => followers().delete(follower);
}

/** Runs every follower in turn; a follower's failure is the caller's (the change has committed, its consequence has not). */
export async function announceAccessChange(change: AccessChange): Promise<void> {
  for (const follower of [...followers()]) await follower(change);
}

import { and, desc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { grants } from '@/db/access-schema';
import { resources, sessions, users } from '@/db/schema';
import { subscribe, type AccessEvent } from '../events/event-bus';
import { liveSessions } from '../gateway/live-sessions';
import { canConnect } from './can-connect';

export const RECHECK_MS = 5_000;

const MESSAGES = {
  grant_expired: 'Your access grant expired. Request access again to reconnect.',
  grant_revoked: 'Your access was revoked.',
  terminated: 'You are no longer allowed to use this resource.',
} as const;

type Reason = keyof typeof MESSAGES;

/** Why a user lost access: the latest grant's fate on an approval resource, else a role change. */
async function lossReason(userId: string, resourceId: string, accessMode: 'open' | 'approval'): Promise<Reason> {
  if (accessMode === 'open') return 'terminated';
  const [latest] = await db()
    .select({ status: grants.status })
    .from(grants)
    .where(and(eq(grants.userId, userId), eq(grants.resourceId, resourceId)))
    .orderBy(desc(grants.startsAt))
    .limit(1);
  return latest?.status === 'revoked' ? 'grant_revoked' : 'grant_expired';
}

/**
 * Re-checks this process's live sessions (all, or one user's on one resource) against the
 * access rule and ends those no longer allowed, with reason grant_expired / grant_revoked.
 * Returns the ids it ended.
 */
export async function enforceGrants(scope?: { userId: string; resourceId: string }): Promise<string[]> {
  const live = [...liveSessions().values()].filter((s) => !scope || s.userId === scope.userId);
  if (live.length === 0) return [];
  const rows = await db()
    .select({ id: sessions.id, userId: users.id, roles: users.roles, isDisabled: users.isDisabled, resource: resources })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(resources, eq(resources.id, sessions.resourceId))
    .where(
      and(
        inArray(sessions.id, live.map((s) => s.id)),
        scope ? eq(sessions.resourceId, scope.resourceId) : undefined,
      ),
    );
  const ended: string[] = [];
  for (const row of rows) {
    const decision = await canConnect({ id: row.userId, roles: row.roles }, row.resource);
    if (decision.isAllowed) continue;
    const reason = await lossReason(row.userId, row.resource.id, row.resource.accessMode);
    liveSessions().get(row.id)?.terminate(MESSAGES[reason], reason);
    ended.push(row.id);
  }
  return ended;
}

/**
 * Ends live sessions when their grant ends: at once on a revoke or expiry event (from this
 * replica or, through the PostgreSQL bridge, another), and by a periodic re-check that also
 * catches a grant running out between expiry-job runs. Returns a function that stops it.
 */
export function startGrantEnforcement(): () => void {
  const onEvent = (event: AccessEvent) => {
    if (event.status !== 'revoked' && event.status !== 'expired') return;
    enforceGrants({ userId: event.requesterId, resourceId: event.resourceId }).catch((error: unknown) =>
      console.error('[porthole] ending sessions after a grant ended failed:', error),
    );
  };
  const unsubscribe = subscribe(onEvent);
  let isRunning = false;
  const timer = setInterval(() => {
    if (isRunning || liveSessions().size === 0) return;
    isRunning = true;
    enforceGrants()
      .catch((error: unknown) => console.error('[porthole] grant re-check failed:', error))
      .finally(() => (isRunning = false));
  }, RECHECK_MS);
  timer.unref();
  return () => {
    unsubscribe();
    clearInterval(timer);
  };
}

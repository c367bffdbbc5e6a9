import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { grants } from '@/db/access-schema';
import { apiTokens, resources, sessions, users, type Resource, type Role } from '@/db/schema';
import { subscribe, type AccessEvent, type TerminationReason } from '../events/event-bus';
import { liveSessions } from '../relay/live-sessions';
import { terminateSessions } from '../events/terminate-sessions';
import { canConnect } from './can-connect';
import { hasSignInEnded, type OpenedWith } from './sign-in-ended';
import { log } from '../log/logger';

export const RECHECK_MS = 5_000;

type Loss = { reason: TerminationReason; message?: string };

type RevokedGrant = { userId: string; revokedBy: string | null; revokeReason: string | null; revokerName: string | null; revokerEmail: string | null };

/** What the engineer reads when an approver (or they themselves) revoked their grant: who, and why if they said. */
function revokedMessage(grant: RevokedGrant): string {
  const why = grant.revokeReason ? `: ${grant.revokeReason}` : '.';
  // Read by the engineer and, on the recording, by auditors: no "you".
  if (grant.revokedBy === grant.userId) return `Access ended early at the grantee’s request${why}`;
  const revoker = grant.revokerName || grant.revokerEmail;
  // A revoker whose account is gone: the reason still reaches the engineer.
  return revoker ? `Your access was revoked by ${revoker}${why}` : `Your access was revoked${why}`;
}

/**
 * Why a user lost access: the latest grant's fate on an approval resource, else a role or
 * access-rule change. A grant revoked before the session began did not end it (the resource was
 * switched to needing approval under a session opened without one).
 */
async function lossReason(userId: string, resourceId: string, accessMode: 'open' | 'approval', sessionSince: Date): Promise<Loss> {
  if (accessMode === 'open') return { reason: 'terminated' };
  const [latest] = await db()
    .select({
      status: grants.status,
      endedAt: grants.endedAt,
      userId: grants.userId,
      revokedBy: grants.revokedBy,
      revokeReason: grants.revokeReason,
      revokerName: users.name,
      revokerEmail: users.email,
    })
    .from(grants)
    .leftJoin(users, eq(users.id, grants.revokedBy))
    .where(and(eq(grants.userId, userId), eq(grants.resourceId, resourceId)))
    // The grant that ended last: with more time revoked, the first grant running out is why it ends.
    .orderBy(sql`coalesce(${grants.endedAt}, ${grants.expiresAt}) desc`, desc(grants.startsAt))
    .limit(1);
  // No grant at all: the resource has just been switched to needing approval.
  if (!latest) return { reason: 'terminated' };
  if (latest.status !== 'revoked') return { reason: 'grant_expired' };
  if (latest.endedAt && latest.endedAt < sessionSince) return { reason: 'terminated' };
  return { reason: 'grant_revoked', message: revokedMessage(latest) };
}

type SessionAccess = {
  id: string;
  userId: string;
  roles: Role[];
  isDisabled: boolean;
  resource: Resource | null;
  session: OpenedWith;
  signInsEndedAt: Date | null;
  token: { revokedAt: Date | null; expiresAt: Date | null } | null;
};

/** Why a session may no longer run, or undefined while it may. */
async function endReason(row: SessionAccess): Promise<Loss | undefined> {
  if (row.isDisabled) return { reason: 'user_disabled' };
  if (hasSignInEnded(row.session, row, row.token)) return { reason: 'signed_out' };
  if (!row.resource) return { reason: 'resource_deleted' };
  const decision = await canConnect({ id: row.userId, roles: row.roles }, row.resource);
  if (decision.isAllowed) return undefined;
  return lossReason(row.userId, row.resource.id, row.resource.accessMode, row.session.createdAt);
}

/** Checks the sessions `where` selects against the access rule and ends (on their replica) those no longer allowed. */
async function endDisallowed(where: SQL | undefined): Promise<string[]> {
  const rows = await db()
    .select({
      id: sessions.id,
      userId: users.id,
      roles: users.roles,
      isDisabled: users.isDisabled,
      resource: resources,
      session: { createdAt: sessions.createdAt, openedWithTokenId: sessions.openedWithTokenId, signInEndsAt: sessions.signInEndsAt },
      signInsEndedAt: users.signInsEndedAt,
      // The id too: drizzle makes a left-joined object whose fields are all null (a live token) null.
      token: { id: apiTokens.id, revokedAt: apiTokens.revokedAt, expiresAt: apiTokens.expiresAt },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(resources, eq(resources.id, sessions.resourceId))
    .leftJoin(apiTokens, eq(apiTokens.id, sessions.openedWithTokenId))
    .where(where);
  const ended: string[] = [];
  for (const row of rows) {
    const loss = await endReason(row);
    if (!loss) continue;
    terminateSessions({ sessionId: row.id }, loss.reason, loss.message);
    ended.push(row.id);
  }
  return ended;
}

/**
 * Re-checks this process's live sessions (all, or one user's on one resource) against the
 * access rule and ends those no longer allowed: grant expired or revoked, role removed, user
 * disabled, sign-in ended, resource deleted (a safety net behind the events that end them at once).
 * Returns the ids it ended.
 */
export async function enforceGrants(scope?: { userId: string; resourceId: string }): Promise<string[]> {
  const live = [...liveSessions().values()].filter((s) => !scope || s.userId === scope.userId);
  if (live.length === 0) return [];
  return endDisallowed(
    and(
      inArray(
        sessions.id,
        live.map((s) => s.id),
      ),
      scope ? eq(sessions.resourceId, scope.resourceId) : undefined,
    ),
  );
}

/**
 * After a user's roles or a resource's access rule change: ends, on whichever replica relays
 * them, the active sessions (of that user, or on that resource) no longer allowed. Returns the
 * ids it ended.
 */
export async function endSessionsWithoutAccess(scope: { userId: string } | { resourceId: string }): Promise<string[]> {
  const owner = 'userId' in scope ? eq(sessions.userId, scope.userId) : eq(sessions.resourceId, scope.resourceId);
  return endDisallowed(and(owner, eq(sessions.status, 'active')));
}

/**
 * Ends live sessions when their grant ends: at once on a revoke or expiry event (from this
 * replica or, through the PostgreSQL bridge, another), and by a periodic re-check that also
 * catches a grant running out between expiry-job runs. Returns a function that stops it.
 */
export function startGrantEnforcement(): () => void {
  const onEvent = (event: AccessEvent) => {
    const scope = { userId: event.requesterId, resourceId: event.resourceId };
    // Approved while a session runs (more time): the session moves on to the new grant's end.
    if (event.status === 'approved') return grantsChanged(scope);
    if (event.status !== 'revoked' && event.status !== 'expired') return;
    // Those still allowed run under another grant now (more time was approved): their end moves too.
    enforceGrants(scope)
      .then(() => grantsChanged(scope))
      .catch((error: unknown) => log().error({ err: error }, 'ending sessions after a grant ended failed'));
  };
  const unsubscribe = subscribe((event) => {
    if (event.type === 'access') onEvent(event);
  });
  let isRunning = false;
  const timer = setInterval(() => {
    if (isRunning || liveSessions().size === 0) return;
    isRunning = true;
    enforceGrants()
      .catch((error: unknown) => log().error({ err: error }, 'grant re-check failed'))
      .finally(() => (isRunning = false));
  }, RECHECK_MS);
  timer.unref();
  return () => {
    unsubscribe();
    clearInterval(timer);
  };
}

/** This process's live sessions of `userId` on `resourceId` read their grant's end again. */
function grantsChanged({ userId, resourceId }: { userId: string; resourceId: string }): void {
  for (const session of liveSessions().values()) {
    if (session.userId === userId && session.resourceId === resourceId) session.grantChanged?.();
  }
}

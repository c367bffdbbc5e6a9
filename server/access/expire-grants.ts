import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accessRequests, grants, type AccessRequest } from '@/db/access-schema';
import { resources, users } from '@/db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import { enqueueWebhooks } from '../webhooks/enqueue-webhooks';
import { announce } from './announce';
import { subjectOf, type Tx } from './find-request';

export type ExpireResult = { expiredGrants: number; expiredRequests: number };

/**
 * Ends grants whose time is up and pending requests nobody decided on in time. Each is one
 * conditional UPDATE, so two replicas running the job at once (or a revoke racing it) touch
 * every row once: the second UPDATE re-checks the status after the first commits.
 */
export async function expireGrants(): Promise<ExpireResult> {
  const { events, queued, expiredGrants, expiredRequests } = await db().transaction(async (tx) => {
    const ended = await tx
      .update(grants)
      .set({ status: 'expired', endedAt: sql`${grants.expiresAt}` })
      .where(and(eq(grants.status, 'active'), lte(grants.expiresAt, sql`now()`)))
      .returning();
    const endedRequests =
      ended.length === 0
        ? []
        : await tx
            .update(accessRequests)
            .set({ status: 'expired', updatedAt: sql`now()` })
            .where(
              and(
                inArray(
                  accessRequests.id,
                  ended.map((g) => g.requestId),
                ),
                eq(accessRequests.status, 'approved'),
              ),
            )
            .returning();
    const lapsed = await tx
      .update(accessRequests)
      .set({ status: 'expired', decidedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(accessRequests.status, 'pending'), lte(accessRequests.pendingUntil, sql`now()`)))
      .returning();

    let queued = 0;
    for (const grant of ended) {
      await recordAuditEvent(
        {
          actorId: null,
          action: 'grant.expire',
          targetType: 'grant',
          targetId: grant.id,
          data: { requestId: grant.requestId, resourceId: grant.resourceId, userId: grant.userId },
        },
        tx,
      );
    }
    for (const request of lapsed) {
      await recordAuditEvent(
        {
          actorId: null,
          action: 'request.expire',
          targetType: 'access_request',
          targetId: request.id,
          data: { resourceId: request.resourceId, requesterId: request.requesterId },
        },
        tx,
      );
    }
    for (const request of [...endedRequests, ...lapsed]) queued += await notify(tx, request);

    const events = [
      ...ended.map((g) => ({ requestId: g.requestId, resourceId: g.resourceId, requesterId: g.userId, status: 'expired' as const, grantId: g.id })),
      ...lapsed.map((r) => ({ requestId: r.id, resourceId: r.resourceId, requesterId: r.requesterId, status: 'expired' as const })),
    ];
    return { events, queued, expiredGrants: ended.length, expiredRequests: lapsed.length };
  });
  events.forEach((event, i) => announce(event, i === 0 ? queued : 0));
  return { expiredGrants, expiredRequests };
}

async function notify(tx: Tx, request: AccessRequest): Promise<number> {
  const [row] = await tx
    .select({ resource: resources, requester: users })
    .from(resources)
    .innerJoin(users, eq(users.id, request.requesterId))
    .where(eq(resources.id, request.resourceId));
  if (!row) return 0;
  return enqueueWebhooks(tx, 'request.expired', subjectOf({ request, ...row }, null));
}

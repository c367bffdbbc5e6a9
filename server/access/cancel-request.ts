import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accessRequests } from '@/db/access-schema';
import type { Actor } from '../actor/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { enqueueWebhooks } from '../webhooks/enqueue-webhooks';
import { announce } from './announce';
import { lockRequest, noSuchRequest, subjectOf } from './find-request';

/** The requester withdraws a pending request. */
export async function cancelRequest({ actor, requestId }: { actor: Actor; requestId: string }): Promise<{ requestId: string; status: 'cancelled' }> {
  const { request, queued } = await db().transaction(async (tx) => {
    const row = await lockRequest(tx, requestId);
    if (row.request.requesterId !== actor.id) {
      // Others' requests are not the actor's to cancel; to a stranger they do not exist.
      throw noSuchRequest();
    }
    if (row.request.status !== 'pending') {
      throw new AppError('CONFLICT', { userMessage: `This request is already ${row.request.status}; only a pending request can be cancelled.` });
    }
    const [cancelled] = await tx
      .update(accessRequests)
      .set({ status: 'cancelled', decidedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(accessRequests.id, row.request.id))
      .returning();
    if (!cancelled) throw new Error('update returned no row');
    await recordAuditEvent(
      {
        actorId: actor.id,
        action: 'request.cancel',
        targetType: 'access_request',
        targetId: cancelled.id,
        data: { resourceId: row.resource.id, resourceName: row.resource.name },
      },
      tx,
    );
    const queued = await enqueueWebhooks(tx, 'request.cancelled', subjectOf({ ...row, request: cancelled }, row.requester));
    return { request: cancelled, queued };
  });
  announce({ requestId: request.id, resourceId: request.resourceId, requesterId: request.requesterId, status: 'cancelled' }, queued);
  return { requestId: request.id, status: 'cancelled' };
}

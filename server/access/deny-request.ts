import { maskWrittenText } from '../masking/rules-store/mask-written-text';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accessRequests, approvals } from '@/db/access-schema';
import type { Actor } from '../actor/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { isUniqueViolation } from '../users/unique-violation';
import { enqueueWebhooks } from '../webhooks/enqueue-webhooks';
import { decisionInput, type DecisionInput } from './access-schemas';
import { announce } from './announce';
import { alreadyDecided } from './approve-request';
import { assertCanDecide } from './assert-can-decide';
import { lockRequest, subjectOf } from './find-request';
import { getEffectivePolicy } from './policy';

/** Any one approver's deny ends a pending request, whatever approvals it already has. */
export async function denyRequest({
  actor,
  requestId,
  input = {},
}: {
  actor: Actor;
  requestId: string;
  input?: DecisionInput;
}): Promise<{ requestId: string; status: 'denied' }> {
  const { comment } = await maskWrittenText(decisionInput.parse(input));
  try {
    const { request, queued } = await db().transaction(async (tx) => {
      const row = await lockRequest(tx, requestId);
      const policy = await getEffectivePolicy(row.resource.id, tx);
      assertCanDecide(actor, row, policy, 'deny');
      const [existing] = await tx
        .select({ id: approvals.id })
        .from(approvals)
        .where(and(eq(approvals.requestId, row.request.id), eq(approvals.approverId, actor.id)));
      if (existing) throw alreadyDecided();
      await tx.insert(approvals).values({ requestId: row.request.id, approverId: actor.id, decision: 'deny', comment });
      const [denied] = await tx
        .update(accessRequests)
        .set({ status: 'denied', decidedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(accessRequests.id, row.request.id))
        .returning();
      if (!denied) throw new Error('update returned no row');
      await recordAuditEvent(
        {
          actorId: actor.id,
          action: 'request.deny',
          targetType: 'access_request',
          targetId: denied.id,
          data: { resourceId: row.resource.id, resourceName: row.resource.name, requesterId: denied.requesterId, comment },
        },
        tx,
      );
      const queued = await enqueueWebhooks(
        tx,
        'request.denied',
        subjectOf({ ...row, request: denied }, { id: actor.id, name: actor.name, email: actor.email }, { comment }),
      );
      return { request: denied, queued };
    });
    announce({ requestId: request.id, resourceId: request.resourceId, requesterId: request.requesterId, status: 'denied' }, queued);
    return { requestId: request.id, status: 'denied' };
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyDecided();
    throw error;
  }
}

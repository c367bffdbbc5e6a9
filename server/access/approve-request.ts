import { maskWrittenText } from '../masking/rules-store/mask-written-text';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accessRequests, approvals, grants } from '@/db/access-schema';
import type { Actor } from '../actor/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { isUniqueViolation } from '../users/unique-violation';
import { enqueueWebhooks } from '../webhooks/enqueue-webhooks';
import { decisionInput, type DecisionInput } from './access-schemas';
import { announce } from './announce';
import { assertCanDecide } from './assert-can-decide';
import { lockRequest, subjectOf, type Tx } from './find-request';
import { getEffectivePolicy, type EffectivePolicy } from './policy';

export type ApproveResult = { requestId: string; status: 'pending' | 'approved'; approvalsCount: number; approvalsRequired: number; grantId?: string };

export const alreadyDecided = () => new AppError('CONFLICT', { userMessage: 'You have already decided on this request.' });

type LockedRequest = Awaited<ReturnType<typeof lockRequest>>;

/** Adds this approver's approval (audited) and returns how many approvals the request now has. */
async function addApproval(tx: Tx, actor: Actor, { request, resource }: LockedRequest, comment: string | undefined): Promise<number> {
  const [existing] = await tx
    .select({ id: approvals.id })
    .from(approvals)
    .where(and(eq(approvals.requestId, request.id), eq(approvals.approverId, actor.id)));
  if (existing) throw alreadyDecided();
  await tx.insert(approvals).values({ requestId: request.id, approverId: actor.id, decision: 'approve', comment });

  const [count] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(approvals)
    .where(and(eq(approvals.requestId, request.id), eq(approvals.decision, 'approve')));
  const approvalsCount = count?.n ?? 0;
  await recordAuditEvent(
    {
      actorId: actor.id,
      action: 'request.approve',
      targetType: 'access_request',
      targetId: request.id,
      data: {
        resourceId: resource.id,
        resourceName: resource.name,
        requesterId: request.requesterId,
        comment,
        approvalsCount,
        approvalsRequired: request.approvalsRequired,
      },
    },
    tx,
  );
  return approvalsCount;
}

/**
 * A request is decided under the stricter of the policy it was made under and the policy now:
 * an admin who raises the approvals needed while requests are pending is not undone by one
 * approval of them. A raised count is written to the request, so every view shows what it still needs.
 */
async function holdToCurrentPolicy(tx: Tx, row: LockedRequest, policy: EffectivePolicy): Promise<LockedRequest> {
  if (policy.approvalsRequired <= row.request.approvalsRequired) return row;
  const [request] = await tx
    .update(accessRequests)
    .set({ approvalsRequired: policy.approvalsRequired, updatedAt: sql`now()` })
    .where(eq(accessRequests.id, row.request.id))
    .returning();
  if (!request) throw new Error('update returned no row');
  return { ...row, request };
}

/**
 * The last approval needed: starts the grant, marks the request approved, audits and queues the
 * webhooks. The grant lasts what was asked, at most the policy's longest grant now (an admin
 * may have shortened it since the request was made).
 */
async function startGrant(tx: Tx, actor: Actor, row: LockedRequest, policy: EffectivePolicy, comment: string | undefined) {
  const { request, resource } = row;
  const minutes = Math.min(request.durationMinutes, policy.maxDurationMinutes);
  const [grant] = await tx
    .insert(grants)
    .values({
      requestId: request.id,
      resourceId: resource.id,
      userId: request.requesterId,
      expiresAt: sql`now() + make_interval(mins => ${minutes})`,
    })
    .returning();
  if (!grant) throw new Error('insert returned no row');
  const [approved] = await tx
    .update(accessRequests)
    .set({ status: 'approved', decidedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(accessRequests.id, request.id))
    .returning();
  if (!approved) throw new Error('update returned no row');
  await recordAuditEvent(
    {
      actorId: actor.id,
      action: 'grant.start',
      targetType: 'grant',
      targetId: grant.id,
      data: {
        requestId: request.id,
        resourceId: resource.id,
        resourceName: resource.name,
        userId: request.requesterId,
        expiresAt: grant.expiresAt.toISOString(),
        durationMinutes: minutes,
        ...(minutes < request.durationMinutes ? { requestedMinutes: request.durationMinutes } : {}),
      },
    },
    tx,
  );
  const queued = await enqueueWebhooks(
    tx,
    'request.approved',
    subjectOf({ ...row, request: approved }, { id: actor.id, name: actor.name, email: actor.email }, { comment, grant }),
  );
  return { request: approved, grant, queued };
}

/**
 * Records one approver's approval. When it is the N-th distinct approval the grant starts,
 * in the same transaction. The request row is locked first, and the unique keys on
 * approvals (request, approver) and grants (request) back the checks in the database, so
 * any number of simultaneous approvals produce exactly one grant.
 */
export async function approveRequest({ actor, requestId, input = {} }: { actor: Actor; requestId: string; input?: DecisionInput }): Promise<ApproveResult> {
  const { comment } = await maskWrittenText(decisionInput.parse(input));
  try {
    const outcome = await db().transaction(async (tx) => {
      const locked = await lockRequest(tx, requestId);
      const policy = await getEffectivePolicy(locked.resource.id, tx);
      assertCanDecide(actor, locked, policy, 'approve');
      const row = await holdToCurrentPolicy(tx, locked, policy);
      const approvalsCount = await addApproval(tx, actor, row, comment);
      if (approvalsCount < row.request.approvalsRequired) return { approvalsCount, request: row.request, grant: undefined, queued: 0 };
      return { approvalsCount, ...(await startGrant(tx, actor, row, policy, comment)) };
    });

    const { request, grant, approvalsCount, queued } = outcome;
    if (grant) {
      announce(
        {
          requestId: request.id,
          resourceId: request.resourceId,
          requesterId: request.requesterId,
          status: 'approved',
          grantId: grant.id,
          grantExpiresAt: grant.expiresAt.toISOString(),
        },
        queued,
      );
    } else {
      // Still pending, but this approver's inbox changed.
      announce({ requestId: request.id, resourceId: request.resourceId, requesterId: request.requesterId, status: 'pending' });
    }
    return {
      requestId: request.id,
      status: grant ? 'approved' : 'pending',
      approvalsCount,
      approvalsRequired: request.approvalsRequired,
      ...(grant ? { grantId: grant.id } : {}),
    };
  } catch (error) {
    // The unique keys are the last line of defence, should a race slip past the checks.
    if (isUniqueViolation(error)) throw alreadyDecided();
    throw error;
  }
}

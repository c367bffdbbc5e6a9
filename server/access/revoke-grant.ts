import { maskWrittenText } from '../masking/rules-store/mask-written-text';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accessRequests, grants } from '@/db/access-schema';
import { hasRole, type Actor } from '../actor/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { enqueueWebhooks } from '../webhooks/enqueue-webhooks';
import { revokeGrantInput, type RevokeGrantInput } from './access-schemas';
import { announce } from './announce';
import { isUuid } from '@/lib/uuid/is-uuid';
import { lockRequest, subjectOf } from './find-request';
import { getEffectivePolicy, isInApproverGroup } from './policy';

const noSuchGrant = () => new AppError('NOT_FOUND', { userMessage: 'No such grant.' });

/**
 * Ends an active grant now. Admins, the resource's approvers and the grantee (ending their
 * own access early) may revoke; the gateway ends live sessions on the `revoked` event.
 */
export async function revokeGrant({
  actor,
  grantId,
  input = {},
}: {
  actor: Actor;
  grantId: string;
  input?: RevokeGrantInput;
}): Promise<{ grantId: string; status: 'revoked' }> {
  const { reason } = await maskWrittenText(revokeGrantInput.parse(input));
  if (!isUuid(grantId)) throw noSuchGrant();
  const [found] = await db().select({ requestId: grants.requestId }).from(grants).where(eq(grants.id, grantId));
  if (!found) throw noSuchGrant();

  const { grant, row, queued } = await db().transaction(async (tx) => {
    // Same lock order as approveRequest (request, then grant): no deadlock between the two.
    const row = await lockRequest(tx, found.requestId);
    const [grant] = await tx
      .select({ grant: grants, isLive: sql<boolean>`${grants.expiresAt} > now()` })
      .from(grants)
      .where(eq(grants.id, grantId))
      .for('update');
    if (!grant) throw noSuchGrant();
    const policy = await getEffectivePolicy(row.resource.id, tx);
    const isGrantee = grant.grant.userId === actor.id;
    if (!isGrantee && !hasRole(actor, 'admin') && !isInApproverGroup(actor, policy)) {
      throw new AppError('FORBIDDEN', { userMessage: `You are not an approver for ${row.resource.name}.` });
    }
    if (grant.grant.status !== 'active' || !grant.isLive) {
      throw new AppError('CONFLICT', { userMessage: `This grant has already ${grant.grant.status === 'revoked' ? 'been revoked' : 'expired'}.` });
    }
    const [revoked] = await tx
      .update(grants)
      .set({ status: 'revoked', endedAt: sql`now()`, revokedBy: actor.id, revokeReason: reason || null })
      .where(eq(grants.id, grantId))
      .returning();
    if (!revoked) throw new Error('update returned no row');
    const [request] = await tx
      .update(accessRequests)
      .set({ status: 'revoked', updatedAt: sql`now()` })
      .where(eq(accessRequests.id, row.request.id))
      .returning();
    if (!request) throw new Error('update returned no row');
    await recordAuditEvent(
      {
        actorId: actor.id,
        action: 'grant.revoke',
        targetType: 'grant',
        targetId: grantId,
        data: { requestId: request.id, resourceId: row.resource.id, resourceName: row.resource.name, userId: revoked.userId, reason },
      },
      tx,
    );
    const queued = await enqueueWebhooks(
      tx,
      'request.revoked',
      subjectOf({ ...row, request }, { id: actor.id, name: actor.name, email: actor.email }, { comment: reason }),
    );
    return { grant: revoked, row: { ...row, request }, queued };
  });
  announce({ requestId: row.request.id, resourceId: grant.resourceId, requesterId: grant.userId, status: 'revoked', grantId: grant.id }, queued);
  return { grantId: grant.id, status: 'revoked' };
}

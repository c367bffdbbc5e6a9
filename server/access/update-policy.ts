import { and, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accessPolicies, accessRequests } from '@/db/access-schema';
import { users } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { requireRole } from '../actor/require-role';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { requireResource } from '../resources/find-resource';
import { policyInput, type PolicyInput, type PolicyView } from './access-schemas';
import { toPolicyView } from './get-policy';
import type { Tx } from './find-request';
import { getEffectivePolicy } from './policy';

/** Admins set who approves a resource's requests, how many approvals, and for how long. */
export async function updatePolicy({ actor, resourceId, input }: { actor: Actor; resourceId: string; input: PolicyInput }): Promise<PolicyView> {
  requireRole(actor, 'admin');
  const data = policyInput.parse(input);
  const resource = await requireResource(resourceId);
  const approverUserIds = [...new Set(data.approverUserIds)];
  if (approverUserIds.length > 0) {
    const found = await db().select({ id: users.id }).from(users).where(inArray(users.id, approverUserIds));
    if (found.length !== approverUserIds.length) {
      throw new AppError('VALIDATION', { userMessage: 'Some named approvers do not exist.', fields: { approverUserIds: ['Unknown user'] } });
    }
  }
  const before = await getEffectivePolicy(resource.id);
  const values = { ...data, approverRoles: [...new Set(data.approverRoles)], approverUserIds };
  await db().transaction(async (tx) => {
    await tx
      .insert(accessPolicies)
      .values({ resourceId: resource.id, ...values, updatedBy: actor.id })
      .onConflictDoUpdate({ target: accessPolicies.resourceId, set: { ...values, updatedBy: actor.id, updatedAt: sql`now()` } });
    const pendingTightened = await tightenPendingRequests(tx, resource.id, values);
    const { isCustom: _c, resourceId: _r, ...previous } = before;
    await recordAuditEvent(
      {
        actorId: actor.id,
        action: 'policy.update',
        targetType: 'resource',
        targetId: resource.id,
        data: { resourceId: resource.id, resourceName: resource.name, before: previous, after: values, pendingTightened },
      },
      tx,
    );
  });
  return toPolicyView(await getEffectivePolicy(resource.id));
}

/**
 * Pending requests follow a stricter policy at once: more approvals needed, a shorter longest
 * grant (a looser one leaves them as they were asked). Approval applies the policy again, for a
 * request written while this change was being made.
 */
async function tightenPendingRequests(tx: Tx, resourceId: string, policy: { approvalsRequired: number; maxDurationMinutes: number }): Promise<number> {
  const tightened = await tx
    .update(accessRequests)
    .set({
      approvalsRequired: sql`greatest(${accessRequests.approvalsRequired}, ${policy.approvalsRequired})`,
      durationMinutes: sql`least(${accessRequests.durationMinutes}, ${policy.maxDurationMinutes})`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(accessRequests.resourceId, resourceId),
        eq(accessRequests.status, 'pending'),
        or(lt(accessRequests.approvalsRequired, policy.approvalsRequired), gt(accessRequests.durationMinutes, policy.maxDurationMinutes)),
      ),
    )
    .returning({ id: accessRequests.id });
  return tightened.length;
}

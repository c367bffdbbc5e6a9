import { inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { requireResource } from '../resources/find-resource';
import type { PolicyView } from './access-schemas';
import { getEffectivePolicy, type EffectivePolicy } from './policy';

export async function toPolicyView(policy: EffectivePolicy): Promise<PolicyView> {
  const approverUsers =
    policy.approverUserIds.length === 0
      ? []
      : await db().select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, policy.approverUserIds));
  return {
    resourceId: policy.resourceId,
    approverRoles: policy.approverRoles,
    approverUsers,
    approvalsRequired: policy.approvalsRequired,
    maxDurationMinutes: policy.maxDurationMinutes,
    isReasonRequired: policy.isReasonRequired,
    allowSelfApproval: policy.allowSelfApproval,
    isCustom: policy.isCustom,
  };
}

/** Any signed-in user may read a resource's policy: it tells them how to get access. */
export async function getPolicy({ actor: _actor, resourceId }: { actor: Actor; resourceId: string }): Promise<PolicyView> {
  const resource = await requireResource(resourceId);
  return toPolicyView(await getEffectivePolicy(resource.id));
}

import type { Actor } from '../../actor/actor';
import { getEffectivePolicy, isInApproverGroup } from '../../access/policy';

/**
 * Statement reviews go to the resource's approver group (the access policy's approvers), and
 * never to the person who wrote the statement.
 */
export async function canReviewOn(actor: Pick<Actor, 'id' | 'roles'>, resourceId: string | null): Promise<boolean> {
  if (!resourceId) return false;
  return isInApproverGroup(actor, await getEffectivePolicy(resourceId));
}

import { eq } from 'drizzle-orm';
import { db, type Db } from '@/db/client';
import { accessPolicies, type AccessPolicy } from '@/db/access-schema';
import type { Role } from '@/db/schema';
import type { Actor } from '../actor/actor';

export type EffectivePolicy = Omit<AccessPolicy, 'updatedAt' | 'updatedBy'> & { isCustom: boolean };

/** What an `approval` resource without its own policy uses: one approver-role approval, up to 4 hours. */
export const DEFAULT_POLICY = {
  approverRoles: ['approver'] as Role[],
  approverUserIds: [] as string[],
  approvalsRequired: 1,
  maxDurationMinutes: 240,
  isReasonRequired: true,
  allowSelfApproval: false,
};

export async function getEffectivePolicy(resourceId: string, tx: Pick<Db, 'select'> = db()): Promise<EffectivePolicy> {
  const [row] = await tx.select().from(accessPolicies).where(eq(accessPolicies.resourceId, resourceId));
  if (!row) return { resourceId, ...DEFAULT_POLICY, isCustom: false };
  const { updatedAt: _u, updatedBy: _b, ...policy } = row;
  return { ...policy, isCustom: true };
}

/** Whether `actor` belongs to the resource's approver group (by role or by name). */
export function isInApproverGroup(actor: Pick<Actor, 'id' | 'roles'>, policy: Pick<EffectivePolicy, 'approverRoles' | 'approverUserIds'>): boolean {
  return policy.approverRoles.some((role) => actor.roles.includes(role)) || policy.approverUserIds.includes(actor.id);
}

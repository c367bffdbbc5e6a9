import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accessPolicies } from '@/db/access-schema';
import { resources } from '@/db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import { DEMO_SSH_RESOURCE_NAME } from '../resources/ensure-demo-ssh-resource';
import { readSetting, writeSetting } from './settings';

const SEEDED_KEY = 'demo_policy_resource_id';

/** The demo's just-in-time flow: any approver approves, one approval, up to an hour. */
export const DEMO_POLICY = {
  approverRoles: ['approver' as const],
  approverUserIds: [] as string[],
  approvalsRequired: 1,
  maxDurationMinutes: 60,
  isReasonRequired: true,
  allowSelfApproval: false,
};

/**
 * Puts the demo SSH resource in `approval` mode with DEMO_POLICY, once per resource: an
 * admin's later changes stay. A no-op until the demo resource exists (call it again after
 * creating it). Returns whether it changed anything.
 */
export async function seedDemoPolicy(): Promise<boolean> {
  const [resource] = await db()
    .select({ id: resources.id })
    .from(resources)
    .where(sql`lower(${resources.name}) = ${DEMO_SSH_RESOURCE_NAME.toLowerCase()}`);
  if (!resource || (await readSetting<string>(SEEDED_KEY)) === resource.id) return false;
  await db().transaction(async (tx) => {
    await tx
      .update(resources)
      .set({ accessMode: 'approval', updatedAt: sql`now()` })
      .where(eq(resources.id, resource.id));
    await tx
      .insert(accessPolicies)
      .values({ resourceId: resource.id, ...DEMO_POLICY })
      .onConflictDoUpdate({ target: accessPolicies.resourceId, set: { ...DEMO_POLICY, updatedAt: sql`now()` } });
    await writeSetting(SEEDED_KEY, resource.id, tx);
    await recordAuditEvent(
      {
        actorId: null,
        action: 'policy.update',
        targetType: 'resource',
        targetId: resource.id,
        data: { resourceId: resource.id, resourceName: DEMO_SSH_RESOURCE_NAME, demo: true, after: DEMO_POLICY },
      },
      tx,
    );
  });
  return true;
}

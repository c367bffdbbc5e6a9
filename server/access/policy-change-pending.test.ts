import { asc, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { accessPolicies, accessRequests, grants } from '@/db/access-schema';
import { auditEvents } from '@/db/schema';
import { describeEachDriver } from '@/test/db-drivers';
import { approveRequest } from './approve-request';
import { createRequest } from './create-request';
import { accessScenario, REQUEST } from './test-helpers';
import { updatePolicy } from './update-policy';

/** Minutes between a grant's start and its end. */
async function grantMinutes(requestId: string): Promise<number> {
  const [grant] = await db().select().from(grants).where(eq(grants.requestId, requestId));
  if (!grant) throw new Error('no grant');
  return Math.round((grant.expiresAt.getTime() - grant.startsAt.getTime()) / 60_000);
}

async function requestRow(id: string) {
  const [row] = await db().select().from(accessRequests).where(eq(accessRequests.id, id));
  if (!row) throw new Error('no request');
  return row;
}

describeEachDriver('a policy tightened while requests are pending', () => {
  it('raises the approvals they need and shortens what they asked for, at once and in the audit log', async () => {
    const { admin, resource, engineer, approvers } = await accessScenario({ policy: { approvalsRequired: 1, maxDurationMinutes: 60 } });
    const { id } = await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });

    await updatePolicy({ actor: admin.actor, resourceId: resource.id, input: { isReasonRequired: true, approvalsRequired: 2, maxDurationMinutes: 5 } });
    expect(await requestRow(id)).toMatchObject({ approvalsRequired: 2, durationMinutes: 5, status: 'pending' });
    // The scenario's own policy (no request pending yet), then this change.
    const audits = await db().select().from(auditEvents).where(eq(auditEvents.action, 'policy.update')).orderBy(asc(auditEvents.at));
    expect(audits.map((event) => (event.data as { pendingTightened?: number }).pendingTightened)).toEqual([0, 1]);

    // One approval no longer grants access; the second does, for 5 minutes, not the 60 asked.
    const first = await approveRequest({ actor: approvers[0]!.actor, requestId: id });
    expect(first).toMatchObject({ status: 'pending', approvalsCount: 1, approvalsRequired: 2 });
    expect(await db().select().from(grants).where(eq(grants.requestId, id))).toHaveLength(0);
    const second = await approveRequest({ actor: approvers[1]!.actor, requestId: id });
    expect(second.status).toBe('approved');
    expect(await grantMinutes(id)).toBe(5);
  });

  it('applies the policy as it is at approval to a request written under the old one (a change racing the request)', async () => {
    const { resource, engineer, approvers } = await accessScenario({ policy: { approvalsRequired: 1, maxDurationMinutes: 60 } });
    const { id } = await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });
    // The policy row changes without touching the request, as when the request was written
    // with the policy read just before the change committed.
    await db().update(accessPolicies).set({ approvalsRequired: 2, maxDurationMinutes: 5 }).where(eq(accessPolicies.resourceId, resource.id));
    expect(await requestRow(id)).toMatchObject({ approvalsRequired: 1, durationMinutes: 60 });

    const first = await approveRequest({ actor: approvers[0]!.actor, requestId: id });
    expect(first).toMatchObject({ status: 'pending', approvalsRequired: 2 });
    expect((await requestRow(id)).approvalsRequired).toBe(2);
    await approveRequest({ actor: approvers[1]!.actor, requestId: id });
    expect(await grantMinutes(id)).toBe(5);
    const [start] = await db().select().from(auditEvents).where(eq(auditEvents.action, 'grant.start'));
    expect(start?.data).toMatchObject({ durationMinutes: 5, requestedMinutes: 60 });
  });

  it('leaves pending requests as they were asked when the policy loosens', async () => {
    const { admin, resource, engineer, approvers } = await accessScenario({ policy: { approvalsRequired: 2, maxDurationMinutes: 60 } });
    const { id } = await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });
    await updatePolicy({ actor: admin.actor, resourceId: resource.id, input: { isReasonRequired: true, approvalsRequired: 1, maxDurationMinutes: 240 } });
    expect(await requestRow(id)).toMatchObject({ approvalsRequired: 2, durationMinutes: 60 });
    expect((await approveRequest({ actor: approvers[0]!.actor, requestId: id })).status).toBe('pending');
    await approveRequest({ actor: approvers[1]!.actor, requestId: id });
    expect(await grantMinutes(id)).toBe(60);
  });
});

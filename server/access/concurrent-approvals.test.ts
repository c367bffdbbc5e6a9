import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { accessRequests, approvals, grants } from '@/db/access-schema';
import { auditEvents } from '@/db/schema';
import { describeEachDriver } from '@/test/db-drivers';
import { toAppError } from '../errors/to-app-error';
import { approveRequest } from './approve-request';
import { createRequest } from './create-request';
import { accessScenario, REQUEST } from './test-helpers';

describeEachDriver('concurrent approvals', () => {
  it('turns 20 simultaneous approvals (2 required) into exactly one grant', async () => {
    const { resource, engineer, approvers } = await accessScenario({ policy: { approvalsRequired: 2 }, approvers: 20 });
    const { id } = await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });

    const outcomes = await Promise.allSettled(approvers.map((approver) => approveRequest({ actor: approver.actor, requestId: id })));

    const fulfilled = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    const rejected = outcomes.flatMap((o) => (o.status === 'rejected' ? [toAppError(o.reason)] : []));
    expect(fulfilled.map((r) => r.status).sort()).toEqual(['approved', 'pending']);
    expect(rejected).toHaveLength(18);
    expect(new Set(rejected.map((e) => e.code))).toEqual(new Set(['CONFLICT']));

    const grantRows = await db().select().from(grants).where(eq(grants.requestId, id));
    expect(grantRows).toHaveLength(1);
    expect(await db().select().from(approvals).where(eq(approvals.requestId, id))).toHaveLength(2);
    const [request] = await db().select().from(accessRequests).where(eq(accessRequests.id, id));
    expect(request?.status).toBe('approved');
    const starts = (await db().select().from(auditEvents).where(eq(auditEvents.action, 'grant.start'))).length;
    expect(starts).toBe(1);
  });

  it('lets the database refuse a second grant for one request, whatever the code does', async () => {
    const { resource, engineer, approvers } = await accessScenario({ approvers: 1 });
    const { id } = await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });
    const approver = approvers[0];
    if (!approver) throw new Error('approver');
    await approveRequest({ actor: approver.actor, requestId: id });
    await expect(
      db()
        .insert(grants)
        .values({ requestId: id, resourceId: resource.id, userId: engineer.user.id, expiresAt: new Date(Date.now() + 60_000) }),
    ).rejects.toThrow();
    await expect(db().insert(approvals).values({ requestId: id, approverId: approver.user.id, decision: 'approve' })).rejects.toThrow();
  });
});

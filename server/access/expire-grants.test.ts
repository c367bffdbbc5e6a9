import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { accessRequests, grants } from '@/db/access-schema';
import { auditEvents } from '@/db/schema';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { subscribe, type PortholeEvent } from '../events/event-bus';
import { approveRequest } from './approve-request';
import { canConnect } from './can-connect';
import { createRequest } from './create-request';
import { expireGrants } from './expire-grants';
import { getGrantState } from './get-active-grant';
import { getRequest } from './get-request';
import { revokeGrant } from './revoke-grant';
import { accessScenario, REQUEST } from './test-helpers';

describeEachDriver('grant expiry job', () => {
  it('ends grants at their time and pending requests that lapsed, once, announcing each', async () => {
    const { resource, engineer, approvers } = await accessScenario({ approvers: 1 });
    const [arlo] = approvers;
    if (!arlo) throw new Error('approver');
    const { id } = await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });
    const { grantId = '' } = await approveRequest({ actor: arlo.actor, requestId: id });

    const other = await accessScenario({ approvers: 0 });
    const lapsed = await createRequest({ actor: other.engineer.actor, input: { resourceId: other.resource.id, ...REQUEST } });

    expect(await expireGrants()).toEqual({ expiredGrants: 0, expiredRequests: 0 });
    expect(await getGrantState(grantId)).toMatchObject({ isActive: true, status: 'active' });

    // Time passes: the grant's end and the pending window are now in the past.
    await db()
      .update(grants)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(grants.id, grantId));
    await db()
      .update(accessRequests)
      .set({ pendingUntil: sql`now() - interval '1 second'` })
      .where(eq(accessRequests.id, lapsed.id));
    // Even before the job runs, the grant no longer admits anyone.
    expect(await canConnect(engineer.actor, resource)).toMatchObject({ isAllowed: false });
    expect(await getGrantState(grantId)).toMatchObject({ isActive: false, status: 'expired' });
    await rejectsWith(revokeGrant({ actor: arlo.actor, grantId }), 'CONFLICT');

    const events: PortholeEvent[] = [];
    const unsubscribe = subscribe((event) => events.push(event));
    try {
      const [first, second] = await Promise.all([expireGrants(), expireGrants()]);
      expect((first?.expiredGrants ?? 0) + (second?.expiredGrants ?? 0)).toBe(1);
      expect((first?.expiredRequests ?? 0) + (second?.expiredRequests ?? 0)).toBe(1);
    } finally {
      unsubscribe();
    }
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ requestId: id, status: 'expired', grantId }),
        expect.objectContaining({ requestId: lapsed.id, status: 'expired' }),
      ]),
    );

    expect(await getRequest({ actor: engineer.actor, requestId: id })).toMatchObject({ status: 'expired', grant: { status: 'expired', isActive: false } });
    expect(await getRequest({ actor: other.engineer.actor, requestId: lapsed.id })).toMatchObject({ status: 'expired', grant: null });
    const actions = (await db().select().from(auditEvents)).map((e) => e.action);
    expect(actions.filter((a) => a === 'grant.expire')).toHaveLength(1);
    expect(actions.filter((a) => a === 'request.expire')).toHaveLength(1);

    // Expired: a new request may be made.
    await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });
  });

  it('announces a revoke with the grant id, so the gateway can end live sessions', async () => {
    const { resource, engineer, approvers, admin } = await accessScenario({ approvers: 1 });
    const [arlo] = approvers;
    if (!arlo) throw new Error('approver');
    const { id } = await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });
    const { grantId = '' } = await approveRequest({ actor: arlo.actor, requestId: id });
    const events: PortholeEvent[] = [];
    const unsubscribe = subscribe((event) => events.push(event));
    await revokeGrant({ actor: admin.actor, grantId });
    unsubscribe();
    expect(events).toEqual([expect.objectContaining({ type: 'access', requestId: id, status: 'revoked', grantId, requesterId: engineer.user.id })]);
    expect(await getGrantState(grantId)).toMatchObject({ isActive: false, status: 'revoked' });
  });
});

import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { accessRequests, approvals, grants } from '@/db/access-schema';
import { auditEvents, resources } from '@/db/schema';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { makeResource, makeUser, sshResource } from '@/test/factories';
import { approveRequest } from './approve-request';
import { canConnect } from './can-connect';
import { cancelRequest } from './cancel-request';
import { createRequest } from './create-request';
import { denyRequest } from './deny-request';
import { getRequest } from './get-request';
import { countApprovalsInbox, listApprovalsInbox } from './list-approvals-inbox';
import { countGrants, listGrants } from './list-grants';
import { countRequests, listRequests } from './list-requests';
import { locateRequest } from './locate-request';
import { revokeGrant } from './revoke-grant';
import { accessScenario, REQUEST } from './test-helpers';

async function snapshot() {
  const [requests, decisions, grantRows, events] = await Promise.all([
    db().select().from(accessRequests),
    db().select().from(approvals),
    db().select().from(grants),
    db().select().from(auditEvents),
  ]);
  return { requests, decisions, grants: grantRows, events: events.length };
}

describeEachDriver('access requests', () => {
  it('runs request → approval → active grant → revoke, with audit events and a live connect decision', async () => {
    const { resource, engineer, approvers } = await accessScenario({ policy: { approvalsRequired: 1, maxDurationMinutes: 120 } });
    const [arlo] = approvers;
    if (!arlo) throw new Error('no approver');

    expect(await canConnect(engineer.actor, resource)).toMatchObject({ isAllowed: false, reason: 'no_grant' });
    const { id } = await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST, ticketUrl: 'https://tickets.example/INC-42' } });

    expect(await countApprovalsInbox({ actor: arlo.actor })).toBe(1);
    // The inbox is one page: its count is the inbox's, and page 2 is the end.
    expect(await countRequests({ actor: arlo.actor, query: { scope: 'inbox' } })).toBe(1);
    expect(await listRequests({ actor: arlo.actor, query: { scope: 'inbox', page: 2 } })).toEqual([]);
    expect((await listApprovalsInbox({ actor: arlo.actor })).map((r) => r.id)).toEqual([id]);
    expect(await countApprovalsInbox({ actor: engineer.actor })).toBe(0);

    const result = await approveRequest({ actor: arlo.actor, requestId: id, input: { comment: 'ok, go' } });
    expect(result).toMatchObject({ status: 'approved', approvalsCount: 1, approvalsRequired: 1 });
    expect(await countApprovalsInbox({ actor: arlo.actor })).toBe(0);

    const view = await getRequest({ actor: engineer.actor, requestId: id });
    expect(view).toMatchObject({ status: 'approved', ticketUrl: 'https://tickets.example/INC-42', canCancel: false, canRevoke: true });
    expect(view.resource.isRecorded).toBe(true);
    // The approver is told when the resource keeps nothing to replay.
    await db().update(resources).set({ recording: 'off' }).where(eq(resources.id, resource.id));
    expect((await getRequest({ actor: arlo.actor, requestId: id })).resource.isRecorded).toBe(false);
    await db().update(resources).set({ recording: 'on' }).where(eq(resources.id, resource.id));
    expect(view.grant).toMatchObject({ status: 'active', isActive: true, userId: engineer.user.id });
    const remainingMs = new Date(view.grant?.expiresAt ?? 0).getTime() - Date.now();
    expect(remainingMs).toBeGreaterThan(59 * 60_000);
    expect(remainingMs).toBeLessThanOrEqual(60 * 60_000 + 5_000);
    expect(view.decisions).toMatchObject([{ approverId: arlo.user.id, decision: 'approve', comment: 'ok, go' }]);

    const decision = await canConnect(engineer.actor, resource);
    expect(decision).toMatchObject({ isAllowed: true, via: 'grant', grant: { id: result.grantId } });
    expect(await canConnect(arlo.actor, resource)).toMatchObject({ isAllowed: false });

    await rejectsWith(createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } }), 'CONFLICT');

    await revokeGrant({ actor: arlo.actor, grantId: result.grantId ?? '', input: { reason: 'incident over' } });
    expect(await canConnect(engineer.actor, resource)).toMatchObject({ isAllowed: false, reason: 'no_grant' });
    const [mine] = await listRequests({ actor: engineer.actor });
    expect(mine).toMatchObject({
      id,
      status: 'revoked',
      grant: { status: 'revoked', isActive: false, revokedBy: arlo.user.id, revokedByName: arlo.user.name, revokeReason: 'incident over' },
    });
    expect((await listGrants({ actor: engineer.actor }))[0]).toMatchObject({ revokedByName: arlo.user.name, revokeReason: 'incident over' });
    await rejectsWith(revokeGrant({ actor: arlo.actor, grantId: result.grantId ?? '' }), 'CONFLICT');

    const actions = (await db().select().from(auditEvents)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['request.create', 'request.approve', 'grant.start', 'grant.revoke', 'policy.update']));
  });

  it('starts the grant only at the N-th distinct approver', async () => {
    const { resource, engineer, approvers } = await accessScenario({ policy: { approvalsRequired: 3 }, approvers: 3 });
    const { id } = await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });
    const [a, b, c] = approvers;
    if (!a || !b || !c) throw new Error('approvers');

    expect(await approveRequest({ actor: a.actor, requestId: id })).toMatchObject({ status: 'pending', approvalsCount: 1 });
    await rejectsWith(approveRequest({ actor: a.actor, requestId: id }), 'CONFLICT');
    expect(await approveRequest({ actor: b.actor, requestId: id })).toMatchObject({ status: 'pending', approvalsCount: 2 });
    expect(await db().select().from(grants)).toHaveLength(0);
    expect(await countApprovalsInbox({ actor: a.actor })).toBe(0);
    expect(await countApprovalsInbox({ actor: c.actor })).toBe(1);
    expect(await approveRequest({ actor: c.actor, requestId: id })).toMatchObject({ status: 'approved', approvalsCount: 3 });
    expect(await db().select().from(grants)).toHaveLength(1);
  });

  it('ends the request on any deny, even after some approvals', async () => {
    const { resource, engineer, approvers } = await accessScenario({ policy: { approvalsRequired: 2 } });
    const [a, b] = approvers;
    if (!a || !b) throw new Error('approvers');
    const { id } = await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });
    await approveRequest({ actor: a.actor, requestId: id });
    await denyRequest({ actor: b.actor, requestId: id, input: { comment: 'not during the freeze' } });
    const view = await getRequest({ actor: engineer.actor, requestId: id });
    expect(view).toMatchObject({ status: 'denied', grant: null, approvalsCount: 1 });
    expect(view.decisions.map((d) => d.decision)).toEqual(['approve', 'deny']);
    const before = await snapshot();
    await rejectsWith(approveRequest({ actor: (await makeUser({ roles: ['approver'] })).actor, requestId: id }), 'CONFLICT');
    expect(await canConnect(engineer.actor, resource)).toMatchObject({ isAllowed: false });
    expect((await snapshot()).grants).toEqual(before.grants);
  });

  it('never counts the requester: self-approval is refused unless the policy allows it', async () => {
    const strict = await accessScenario();
    const approverEngineer = strict.approvers[0];
    if (!approverEngineer) throw new Error('approver');
    const { id } = await createRequest({ actor: approverEngineer.actor, input: { resourceId: strict.resource.id, ...REQUEST } });
    expect(await countApprovalsInbox({ actor: approverEngineer.actor })).toBe(0);
    const before = await snapshot();
    const error = await rejectsWith(approveRequest({ actor: approverEngineer.actor, requestId: id }), 'FORBIDDEN');
    expect(error.userMessage).toMatch(/own request/);
    await rejectsWith(denyRequest({ actor: approverEngineer.actor, requestId: id }), 'FORBIDDEN');
    expect(await snapshot()).toEqual(before);

    const lenient = await accessScenario({ policy: { allowSelfApproval: true, approvalsRequired: 2 } });
    const self = lenient.approvers[0];
    const other = lenient.approvers[1];
    if (!self || !other) throw new Error('approvers');
    const request = await createRequest({ actor: self.actor, input: { resourceId: lenient.resource.id, ...REQUEST } });
    expect(await approveRequest({ actor: self.actor, requestId: request.id })).toMatchObject({ status: 'pending', approvalsCount: 1 });
    expect(await approveRequest({ actor: other.actor, requestId: request.id })).toMatchObject({ status: 'approved' });
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    const { resource, engineer, approvers } = await accessScenario({ policy: { maxDurationMinutes: 90 } });
    const [arlo] = approvers;
    if (!arlo) throw new Error('approver');
    const open = await makeResource(sshResource({ accessMode: 'open' }));
    const before = await snapshot();

    const tooLong = await rejectsWith(
      createRequest({ actor: engineer.actor, input: { resourceId: resource.id, durationMinutes: 91, reason: 'x' } }),
      'VALIDATION',
    );
    expect(tooLong.fields).toHaveProperty('durationMinutes');
    expect(tooLong.userMessage).toMatch(/1h 30m/);
    const noReason = await rejectsWith(
      createRequest({ actor: engineer.actor, input: { resourceId: resource.id, durationMinutes: 30, reason: '   ' } }),
      'VALIDATION',
    );
    expect(noReason.fields).toHaveProperty('reason');
    const openError = await rejectsWith(createRequest({ actor: engineer.actor, input: { resourceId: open.id, ...REQUEST } }), 'BAD_REQUEST');
    expect(openError.userMessage).toMatch(/open/);
    await rejectsWith(createRequest({ actor: engineer.actor, input: { resourceId: resource.id, durationMinutes: 0, reason: 'x' } }), 'VALIDATION');
    await rejectsWith(createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST, ticketUrl: 'javascript:alert(1)' } }), 'VALIDATION');
    await rejectsWith(createRequest({ actor: engineer.actor, input: { resourceId: '00000000-0000-4000-8000-000000000000', ...REQUEST } }), 'NOT_FOUND');
    await rejectsWith(approveRequest({ actor: arlo.actor, requestId: 'not-a-uuid' }), 'NOT_FOUND');
    expect(await snapshot()).toEqual(before);

    // One pending request per person and resource.
    await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });
    await rejectsWith(createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } }), 'CONFLICT');
  });

  it('keeps other groups out: only the resource’s approvers decide, only the requester cancels', async () => {
    const { resource, engineer, admin } = await accessScenario({ policy: { approverRoles: ['auditor'] } });
    const approver = await makeUser({ roles: ['approver'] });
    const named = await makeUser({ name: 'Named Approver' });
    const { id } = await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });
    const before = await snapshot();

    const error = await rejectsWith(approveRequest({ actor: approver.actor, requestId: id }), 'FORBIDDEN');
    expect(error.userMessage).toMatch(/not an approver/);
    await rejectsWith(denyRequest({ actor: approver.actor, requestId: id }), 'FORBIDDEN');
    await rejectsWith(approveRequest({ actor: admin.actor, requestId: id }), 'FORBIDDEN');
    await rejectsWith(cancelRequest({ actor: approver.actor, requestId: id }), 'NOT_FOUND');
    await rejectsWith(getRequest({ actor: approver.actor, requestId: id }), 'NOT_FOUND');
    expect(await countApprovalsInbox({ actor: approver.actor })).toBe(0);
    expect(await snapshot()).toEqual(before);

    // Named approvers decide whatever their roles.
    const { updatePolicy } = await import('./update-policy');
    await updatePolicy({ actor: admin.actor, resourceId: resource.id, input: { approverRoles: [], approverUserIds: [named.user.id] } });
    expect(await countApprovalsInbox({ actor: named.actor })).toBe(1);
    expect(await approveRequest({ actor: named.actor, requestId: id })).toMatchObject({ status: 'approved' });
    expect(await listGrants({ actor: approver.actor })).toHaveLength(0);
    expect(await listGrants({ actor: named.actor })).toHaveLength(1);
    expect(await listGrants({ actor: engineer.actor, query: { status: 'active' } })).toHaveLength(1);
  });

  it('cancels a pending request, after which it can be neither cancelled nor approved', async () => {
    const { resource, engineer, approvers } = await accessScenario();
    const [arlo] = approvers;
    if (!arlo) throw new Error('approver');
    const { id } = await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });
    await cancelRequest({ actor: engineer.actor, requestId: id });
    const before = await snapshot();
    await rejectsWith(cancelRequest({ actor: engineer.actor, requestId: id }), 'CONFLICT');
    const error = await rejectsWith(approveRequest({ actor: arlo.actor, requestId: id }), 'CONFLICT');
    expect(error.userMessage).toMatch(/cancelled/);
    expect(await snapshot()).toEqual(before);
    expect(await countApprovalsInbox({ actor: arlo.actor })).toBe(0);
    // A new request is allowed once the old one is closed.
    await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });
  });

  it('pages through an engineer’s requests newest first, each once, and counts them with the same filter', async () => {
    const { resource, engineer } = await accessScenario();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const { id } = await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });
      await cancelRequest({ actor: engineer.actor, requestId: id });
      ids.unshift(id);
    }
    const pages = await Promise.all([1, 2, 3].map((page) => listRequests({ actor: engineer.actor, query: { limit: 2, page } })));
    expect(pages.map((page) => page.map((r) => r.id))).toEqual([ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)]);
    expect(await countRequests({ actor: engineer.actor })).toBe(5);
    expect(await countRequests({ actor: engineer.actor, query: { status: 'pending' } })).toBe(0);
    await rejectsWith(countRequests({ actor: engineer.actor, query: { scope: 'all' } }), 'FORBIDDEN');
    await expect(listRequests({ actor: engineer.actor, query: { page: -1 } })).rejects.toMatchObject({ name: 'ZodError' });
  });

  it('opens a link to a request where its reader finds it: the requester’s page, the approver’s Approvals, else nowhere', async () => {
    const { resource, engineer, approvers } = await accessScenario();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const { id } = await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });
      await cancelRequest({ actor: engineer.actor, requestId: id });
      ids.unshift(id);
    }
    for (const [index, id] of ids.entries()) {
      expect(await locateRequest({ actor: engineer.actor, requestId: id, pageSize: 2 })).toEqual({ kind: 'mine', page: Math.floor(index / 2) + 1 });
    }
    // Requests made in the same millisecond as others: the list's order still decides the page.
    await db()
      .update(accessRequests)
      .set({ createdAt: new Date('2026-01-01T00:00:00.000Z') })
      .where(eq(accessRequests.requesterId, engineer.user.id));
    const sameTime = (await listRequests({ actor: engineer.actor, query: { limit: 10 } })).map((r) => r.id);
    for (const [index, id] of sameTime.entries()) {
      expect(await locateRequest({ actor: engineer.actor, requestId: id, pageSize: 2 })).toEqual({ kind: 'mine', page: Math.floor(index / 2) + 1 });
    }
    const stranger = await makeUser();
    expect(await locateRequest({ actor: approvers[0]!.actor, requestId: ids[4]!, pageSize: 2 })).toEqual({ kind: 'approver' });
    expect(await locateRequest({ actor: stranger.actor, requestId: ids[4]!, pageSize: 2 })).toEqual({ kind: 'elsewhere' });
    expect(await locateRequest({ actor: engineer.actor, requestId: 'not-a-uuid', pageSize: 2 })).toEqual({ kind: 'elsewhere' });
  });

  it('pages through the active grants an approver may revoke for others, each once, and counts them', async () => {
    const { resource, approvers } = await accessScenario({ approvers: 2 });
    const [arlo, bea] = approvers as [Awaited<ReturnType<typeof makeUser>>, Awaited<ReturnType<typeof makeUser>>];
    const grantFor = async (who: Awaited<ReturnType<typeof makeUser>>, by: Awaited<ReturnType<typeof makeUser>>) => {
      const { id } = await createRequest({ actor: who.actor, input: { resourceId: resource.id, ...REQUEST } });
      return (await approveRequest({ actor: by.actor, requestId: id })).grantId!;
    };
    const others: string[] = [];
    for (let i = 0; i < 3; i += 1) others.unshift(await grantFor(await makeUser(), arlo));
    await grantFor(arlo, bea);
    const query = { status: 'active' as const, limit: 2 };
    const pages = await Promise.all([1, 2, 3].map((page) => listGrants({ actor: arlo.actor, query: { ...query, page }, isOthersOnly: true })));
    expect(pages.map((page) => page.map((g) => g.id))).toEqual([others.slice(0, 2), others.slice(2), []]);
    expect(await countGrants({ actor: arlo.actor, query, isOthersOnly: true })).toBe(3);
    expect(await countGrants({ actor: arlo.actor, query })).toBe(4);
  });

  it('refuses to approve a pending request that lapsed', async () => {
    const { resource, engineer, approvers } = await accessScenario();
    const [arlo] = approvers;
    if (!arlo) throw new Error('approver');
    const { id } = await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });
    await db()
      .update(accessRequests)
      .set({ pendingUntil: new Date(Date.now() - 1000) })
      .where(eq(accessRequests.id, id));
    const before = await snapshot();
    const error = await rejectsWith(approveRequest({ actor: arlo.actor, requestId: id }), 'CONFLICT');
    expect(error.userMessage).toMatch(/expired/);
    expect(await snapshot()).toEqual(before);
    expect(await countApprovalsInbox({ actor: arlo.actor })).toBe(0);
  });

  it('lets open resources admit their listed roles without a grant', async () => {
    const engineer = await makeUser();
    const auditor = await makeUser({ roles: ['auditor'] });
    const open = await makeResource(sshResource({ accessMode: 'open', allowedRoles: ['auditor'] }));
    expect(await canConnect(auditor.actor, open)).toMatchObject({ isAllowed: true, via: 'open' });
    expect(await canConnect(engineer.actor, open)).toMatchObject({ isAllowed: false, reason: 'role' });
  });
});

import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { accessRequests, grants } from '@/db/access-schema';
import { describeEachDriver } from '@/test/db-drivers';
import { updateUser } from '../users/update-user';
import { approveRequest } from './approve-request';
import { createRequest } from './create-request';
import { denyRequest } from './deny-request';
import { accessScenario, REQUEST } from './test-helpers';

describeEachDriver('a request whose requester was disabled while it was pending', () => {
  it('cannot be approved (no grant waits for the account to come back); it can be denied', async () => {
    const { admin, resource, engineer, approvers } = await accessScenario({ approvers: 1 });
    const { id } = await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });
    await updateUser({ actor: admin.actor, userId: engineer.user.id, input: { isDisabled: true } });

    await expect(approveRequest({ actor: approvers[0]!.actor, requestId: id })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await db().select().from(grants).where(eq(grants.requestId, id))).toHaveLength(0);
    // Re-enabled, the account finds no grant from the time it was disabled.
    await updateUser({ actor: admin.actor, userId: engineer.user.id, input: { isDisabled: false } });
    expect(await db().select().from(grants).where(eq(grants.userId, engineer.user.id))).toHaveLength(0);

    await denyRequest({ actor: approvers[0]!.actor, requestId: id, input: { comment: 'account was disabled' } });
    const [request] = await db().select().from(accessRequests).where(eq(accessRequests.id, id));
    expect(request?.status).toBe('denied');
  });
});

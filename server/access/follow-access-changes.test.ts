import { eq } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { db } from '@/db/client';
import { grants } from '@/db/access-schema';
import { describeEachDriver } from '@/test/db-drivers';
import { updateUser } from '../users/update-user';
import { approveRequest } from './approve-request';
import { createRequest } from './create-request';
import { followUserAndResourceChanges } from './follow-access-changes';
import { accessScenario, REQUEST } from './test-helpers';

let stopFollowing = () => {};
afterEach(() => stopFollowing());

describeEachDriver('access/ follows user changes', () => {
  it('revokes a disabled user’s grants before the admin’s update returns', async () => {
    stopFollowing = followUserAndResourceChanges();
    const { admin, resource, engineer, approvers } = await accessScenario({ approvers: 1 });
    const request = await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });
    const { grantId = '' } = await approveRequest({ actor: approvers[0]!.actor, requestId: request.id });

    await updateUser({ actor: admin.actor, userId: engineer.user.id, input: { isDisabled: true } });
    // Read at once, no waiting: users/ announced the change and awaited access/'s answer.
    const [grant] = await db().select().from(grants).where(eq(grants.id, grantId));
    expect(grant).toMatchObject({ status: 'revoked', revokedBy: admin.user.id, revokeReason: 'The account was disabled.' });
  });
});

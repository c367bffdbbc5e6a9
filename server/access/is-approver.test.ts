import { expect, it } from 'vitest';
import { describeEachDriver } from '@/test/db-drivers';
import { makeAdmin, makeResource, makeUser, sshResource } from '@/test/factories';
import { isApprover } from './is-approver';
import { updatePolicy } from './update-policy';

describeEachDriver('who has an approvals page', () => {
  it('is an approver by role, or named by a policy by role or by name; a plain engineer is not', async () => {
    const admin = await makeAdmin();
    const engineer = await makeUser();
    const named = await makeUser();
    const approver = await makeUser({ roles: ['approver'] });
    const auditor = await makeUser({ roles: ['auditor'] });
    expect(await isApprover(engineer.actor)).toBe(false);
    expect(await isApprover(named.actor)).toBe(false);
    expect(await isApprover(auditor.actor)).toBe(false);
    expect(await isApprover(admin.actor)).toBe(false);
    expect(await isApprover(approver.actor)).toBe(true);

    const resource = await makeResource(sshResource({ accessMode: 'approval' }));
    await updatePolicy({ actor: admin.actor, resourceId: resource.id, input: { approverRoles: ['auditor'], approverUserIds: [named.user.id] } });
    expect(await isApprover(named.actor)).toBe(true);
    expect(await isApprover(auditor.actor)).toBe(true);
    expect(await isApprover(engineer.actor)).toBe(false);
  });
});

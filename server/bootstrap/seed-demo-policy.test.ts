import { expect, it } from 'vitest';
import { makeAdmin, makeResource, makeUser, sshResource } from '@/test/factories';
import { describeEachDriver } from '@/test/db-drivers';
import { approveRequest } from '../access/approve-request';
import { canConnect } from '../access/can-connect';
import { createRequest } from '../access/create-request';
import { getEffectivePolicy } from '../access/policy';
import { updatePolicy } from '../access/update-policy';
import { findResource } from '../resources/find-resource';
import { DEMO_SSH_RESOURCE_NAME } from '../resources/ensure-demo-ssh-resource';
import { DEMO_POLICY, seedDemoPolicy } from './seed-demo-policy';

describeEachDriver('seedDemoPolicy', () => {
  it('puts the demo shell behind one approver’s approval, once, keeping an admin’s later changes', async () => {
    expect(await seedDemoPolicy()).toBe(false); // no demo resource yet
    const demo = await makeResource(sshResource({ name: DEMO_SSH_RESOURCE_NAME, accessMode: 'open' }));
    expect(await seedDemoPolicy()).toBe(true);
    expect(await findResource(demo.id)).toMatchObject({ accessMode: 'approval' });
    expect(await getEffectivePolicy(demo.id)).toMatchObject({ ...DEMO_POLICY, isCustom: true });

    const admin = await makeAdmin();
    await updatePolicy({ actor: admin.actor, resourceId: demo.id, input: { approvalsRequired: 2 } });
    expect(await seedDemoPolicy()).toBe(false);
    expect(await getEffectivePolicy(demo.id)).toMatchObject({ approvalsRequired: 2 });
  });

  it('lets the demo approver approve the demo engineer', async () => {
    const demo = await makeResource(sshResource({ name: DEMO_SSH_RESOURCE_NAME }));
    await seedDemoPolicy();
    const engineer = await makeUser();
    const approver = await makeUser({ roles: ['approver'] });
    const { id } = await createRequest({ actor: engineer.actor, input: { resourceId: demo.id, durationMinutes: 60, reason: 'try the demo' } });
    await approveRequest({ actor: approver.actor, requestId: id });
    const row = await findResource(demo.id);
    if (!row) throw new Error('demo resource');
    expect(await canConnect(engineer.actor, row)).toMatchObject({ isAllowed: true, via: 'grant' });
  });
});

import type { Role } from '@/db/schema';
import { makeAdmin, makeResource, makeUser, sshResource } from '@/test/factories';
import type { PolicyInput } from './access-schemas';
import { updatePolicy } from './update-policy';

/** An `approval` resource with a policy, an engineer to request it and approvers to decide. */
export async function accessScenario({
  policy = {},
  approvers = 2,
  approverRoles = ['approver'],
}: { policy?: PolicyInput; approvers?: number; approverRoles?: Role[] } = {}) {
  const admin = await makeAdmin();
  const resource = await makeResource(sshResource({ accessMode: 'approval' }));
  await updatePolicy({ actor: admin.actor, resourceId: resource.id, input: { isReasonRequired: true, ...policy } });
  const engineer = await makeUser({ name: 'Emma Engineer' });
  const deciders = await Promise.all(Array.from({ length: approvers }, (_, i) => makeUser({ roles: approverRoles, name: `Approver ${i + 1}` })));
  return { admin, resource, engineer, approvers: deciders };
}

export const REQUEST = { durationMinutes: 60, reason: 'Investigate INC-42' };

import { PolicyForm } from '@/components/access/PolicyForm';
import { getPolicy } from '@/server/access/get-policy';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { listUsers } from '@/server/users/list-users';
import { updatePolicyAction } from './policy-actions';

/** The access policy editor on the admin resource page (the access-request feature's part of it). */
export async function PolicySection({ resourceId, accessMode }: { resourceId: string; accessMode: 'open' | 'approval' }) {
  const actor = await requirePageActor('admin');
  const [policy, users] = await Promise.all([getPolicy({ actor, resourceId }), listUsers({ actor })]);
  return (
    <PolicyForm
      initial={{ ...policy, approverUserIds: policy.approverUsers.map((u) => u.id) }}
      people={users.filter((u) => !u.isDisabled).map((u) => ({ id: u.id, name: u.name, email: u.email }))}
      isApprovalMode={accessMode === 'approval'}
      action={updatePolicyAction.bind(null, resourceId)}
    />
  );
}

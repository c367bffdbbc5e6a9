'use server';

import { z } from 'zod';
import type { Role } from '@/db/schema';
import { updatePolicy } from '@/server/access/update-policy';
import { actionArg, defineAction } from '@/server/api/define-action';

export const updatePolicyAction = defineAction({
  roles: ['admin'],
  input: z.tuple([actionArg.id, actionArg.previous, actionArg.form]),
  run: async ({ actor, input: [resourceId, , form] }) => {
    await updatePolicy({
      actor,
      resourceId,
      input: {
        approverRoles: form.getAll('approverRoles').map(String) as Role[],
        approverUserIds: form.getAll('approverUserIds').map(String),
        approvalsRequired: Number(form.get('approvalsRequired')),
        maxDurationMinutes: Number(form.get('maxDurationMinutes')),
        isReasonRequired: form.get('isReasonRequired') === 'on',
        allowSelfApproval: form.get('allowSelfApproval') === 'on',
      },
    });
    return { ok: true, message: 'Policy saved.' };
  },
  revalidate: ([resourceId]) => [`/admin/resources/${resourceId}`, `/resources/${resourceId}`],
});

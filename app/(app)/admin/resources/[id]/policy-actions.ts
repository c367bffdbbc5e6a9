'use server';

import { revalidatePath } from 'next/cache';
import type { FormState } from '@/components/ui/form-state';
import type { Role } from '@/db/schema';
import { updatePolicy } from '@/server/access/update-policy';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { toAppError } from '@/server/errors/to-app-error';

export async function updatePolicyAction(resourceId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePageActor('admin');
  try {
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
  } catch (error) {
    const appError = toAppError(error);
    return { ok: false, message: appError.userMessage, fields: appError.fields };
  }
  revalidatePath(`/admin/resources/${resourceId}`);
  revalidatePath(`/resources/${resourceId}`);
  return { ok: true, message: 'Policy saved.' };
}

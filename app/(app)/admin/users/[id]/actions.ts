'use server';

import { revalidatePath } from 'next/cache';
import type { FormState } from '@/components/ui/form-state';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { updateUser } from '@/server/users/update-user';
import type { UpdateUserInput } from '@/server/users/user-schemas';
import { formFailure, text } from '../../form-failure';

function revalidateUser(userId: string): void {
  revalidatePath('/admin/users');
  revalidatePath(`/admin/users/${userId}`);
}

export async function updateUserAction(userId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePageActor('admin');
  try {
    await updateUser({
      actor,
      userId,
      input: { name: text(form, 'name'), roles: form.getAll('roles').map(String) as UpdateUserInput['roles'] },
    });
  } catch (error) {
    return formFailure(error, { shown: ['name', 'roles'] });
  }
  revalidateUser(userId);
  return { ok: true, message: 'Changes saved.' };
}

export async function setUserDisabledAction(userId: string, isDisabled: boolean): Promise<FormState> {
  const actor = await requirePageActor('admin');
  try {
    await updateUser({ actor, userId, input: { isDisabled } });
  } catch (error) {
    return formFailure(error, { shown: [] });
  }
  revalidateUser(userId);
  return { ok: true, message: isDisabled ? 'User disabled.' : 'User enabled.' };
}

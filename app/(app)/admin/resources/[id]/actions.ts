'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/ui/form-state';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { deleteResource } from '@/server/resources/delete-resource';
import { updateResource } from '@/server/resources/update-resource';
import { formFailure } from '../../form-failure';
import { RESOURCE_FIELDS, RESOURCE_FIELD_RENAMES, updateInputFromForm } from '../resource-form-data';

function revalidateResource(resourceId: string): void {
  revalidatePath('/admin/resources');
  revalidatePath(`/admin/resources/${resourceId}`);
  revalidatePath('/resources');
  revalidatePath(`/resources/${resourceId}`);
}

export async function updateResourceAction(resourceId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePageActor('admin');
  const input = updateInputFromForm(form);
  // The update schema has no message of its own for an emptied database name.
  if (input.database === '') return { ok: false, message: 'Check the highlighted fields.', fields: { database: ['Enter a database name'] } };
  let saved;
  try {
    saved = await updateResource({ actor, resourceId, input });
  } catch (error) {
    return formFailure(error, { shown: RESOURCE_FIELDS, rename: RESOURCE_FIELD_RENAMES });
  }
  revalidateResource(resourceId);
  // A changed connection clears the stored secret: say so, or the next console just fails to sign in.
  const hasSecret = saved.hasPassword || saved.hasPrivateKey;
  return { ok: true, message: hasSecret ? 'Changes saved.' : 'Changes saved. No password or key is stored now: enter one before connecting.' };
}

export async function deleteResourceAction(resourceId: string): Promise<FormState> {
  const actor = await requirePageActor('admin');
  try {
    await deleteResource({ actor, resourceId });
  } catch (error) {
    return formFailure(error, { shown: [] });
  }
  revalidateResource(resourceId);
  redirect('/admin/resources?deleted=1');
}

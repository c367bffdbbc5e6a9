'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/ui/form-state';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { createResource } from '@/server/resources/create-resource';
import { formFailure } from '../../form-failure';
import { RESOURCE_FIELDS, RESOURCE_FIELD_RENAMES, createInputFromForm } from '../resource-form-data';

export async function createResourceAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePageActor('admin');
  let created: { id: string; type: string };
  try {
    created = await createResource({ actor, input: createInputFromForm(form) });
  } catch (error) {
    return formFailure(error, { shown: RESOURCE_FIELDS, rename: RESOURCE_FIELD_RENAMES });
  }
  revalidatePath('/admin/resources');
  revalidatePath('/resources');
  // An SSH host is not usable until its host key is pinned: send the admin there first.
  redirect(created.type === 'ssh' ? `/admin/resources/${created.id}?created=1` : `/admin/resources?created=${created.id}`);
}

'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/ui/form-state';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { createUser } from '@/server/users/create-user';
import type { CreateUserInput } from '@/server/users/user-schemas';
import { formFailure, text } from '../../form-failure';

export async function createUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePageActor('admin');
  let userId: string;
  try {
    const user = await createUser({
      actor,
      input: {
        name: text(form, 'name'),
        email: text(form, 'email'),
        password: text(form, 'password'),
        // zod checks each value against the known roles.
        roles: form.getAll('roles').map(String) as CreateUserInput['roles'],
      },
    });
    userId = user.id;
  } catch (error) {
    return formFailure(error, { shown: ['name', 'email', 'password', 'roles'] });
  }
  revalidatePath('/admin/users');
  redirect(`/admin/users?created=${userId}`);
}

'use server';

import { z } from 'zod';
import { formText } from '@/lib/form-data';
import { actionArg, defineAction } from '@/server/api/define-action';
import { createUser } from '@/server/users/create-user';
import type { CreateUserInput } from '@/server/users/user-schemas';

export const createUserAction = defineAction({
  roles: ['admin'],
  input: z.tuple([actionArg.previous, actionArg.form]),
  run: ({ actor, input: [, form] }) =>
    createUser({
      actor,
      input: {
        name: formText(form, 'name'),
        email: formText(form, 'email'),
        password: formText(form, 'password'),
        // zod checks each value against the known roles.
        roles: form.getAll('roles').map(String) as CreateUserInput['roles'],
      },
    }),
  fields: { shown: ['name', 'email', 'password', 'roles'] },
  revalidate: ['/admin/users'],
  redirect: (_input, user) => `/admin/users?created=${user.id}`,
});

'use server';

import { z } from 'zod';
import { formText } from '@/lib/form-data';
import { actionArg, defineAction } from '@/server/api/define-action';
import { updateUser } from '@/server/users/update-user';
import type { UpdateUserInput } from '@/server/users/user-schemas';

const userPages = (userId: string) => ['/admin/users', `/admin/users/${userId}`];

export const updateUserAction = defineAction({
  roles: ['admin'],
  input: z.tuple([actionArg.id, actionArg.previous, actionArg.form]),
  run: async ({ actor, input: [userId, , form] }) => {
    await updateUser({ actor, userId, input: { name: formText(form, 'name'), roles: form.getAll('roles').map(String) as UpdateUserInput['roles'] } });
    return { ok: true, message: 'Changes saved.' };
  },
  fields: { shown: ['name', 'roles'] },
  revalidate: ([userId]) => userPages(userId),
});

export const setUserDisabledAction = defineAction({
  roles: ['admin'],
  input: z.tuple([actionArg.id, z.boolean()]),
  run: async ({ actor, input: [userId, isDisabled] }) => {
    await updateUser({ actor, userId, input: { isDisabled } });
    return { ok: true, message: isDisabled ? 'User disabled.' : 'User enabled.' };
  },
  fields: { shown: [] },
  revalidate: ([userId]) => userPages(userId),
});

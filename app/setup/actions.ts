'use server';

import { z } from 'zod';
import { formText } from '@/lib/form-data';
import { actionArg, defineAction } from '@/server/api/define-action';
import { completeSetup } from '@/server/bootstrap/setup-link';

/** Nobody is signed in yet: the one-time setup token in the form is what authorizes this. */
export const setupAction = defineAction({
  roles: 'public',
  input: z.tuple([actionArg.previous, actionArg.form]),
  run: async ({ input: [, form] }) => {
    await completeSetup({
      token: formText(form, 'token'),
      input: { email: formText(form, 'email'), name: formText(form, 'name'), password: formText(form, 'password') },
    });
    return { ok: true, message: 'Admin account created. Sign in with it now.' };
  },
});

'use server';

import { formText } from '@/lib/form-data';
import { completeSetup } from '@/server/bootstrap/setup-link';
import { toAppError } from '@/server/errors/to-app-error';
import type { FormState } from '@/components/ui/form-state';

export async function setupAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await completeSetup({
      token: formText(form, 'token'),
      input: { email: formText(form, 'email'), name: formText(form, 'name'), password: formText(form, 'password') },
    });
    return { ok: true, message: 'Admin account created. Sign in with it now.' };
  } catch (error) {
    const appError = toAppError(error);
    return { ok: false, message: appError.userMessage, fields: appError.fields };
  }
}

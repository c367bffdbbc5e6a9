'use server';

import { completeSetup } from '@/server/bootstrap/setup-link';
import { toAppError } from '@/server/errors/to-app-error';
import type { FormState } from '@/components/ui/form-state';

export async function setupAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await completeSetup({
      token: String(form.get('token') ?? ''),
      input: { email: String(form.get('email') ?? ''), name: String(form.get('name') ?? ''), password: String(form.get('password') ?? '') },
    });
    return { ok: true, message: 'Admin account created. Sign in with it now.' };
  } catch (error) {
    const appError = toAppError(error);
    return { ok: false, message: appError.userMessage, fields: appError.fields };
  }
}

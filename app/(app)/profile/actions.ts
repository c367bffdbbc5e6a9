'use server';

import { revalidatePath } from 'next/cache';
import type { TokenFormState } from '@/components/profile/token-form-state';
import type { FormState } from '@/components/ui/form-state';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { createApiToken } from '@/server/tokens/create-api-token';
import { revokeApiToken } from '@/server/tokens/revoke-api-token';
import { changePassword } from '@/server/users/change-password';
import { formFailure, text } from '../admin/form-failure';

/** On success the server has ended every session of this user; the browser then signs out. */
export async function changePasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePageActor();
  try {
    await changePassword({ actor, input: { currentPassword: text(form, 'currentPassword'), newPassword: text(form, 'newPassword') } });
  } catch (error) {
    return formFailure(error, { shown: ['currentPassword', 'newPassword'] });
  }
  // No revalidatePath: this session is no longer valid, a re-render would only bounce to /login.
  return { ok: true, message: 'Password changed. Signing you out…' };
}

export async function createTokenAction(_prev: TokenFormState, form: FormData): Promise<TokenFormState> {
  const actor = await requirePageActor();
  const days = text(form, 'expiresInDays').trim();
  // A number of days or "never"; createApiToken validates the range and who may ask for never.
  const expiresInDays = days === '' ? undefined : days === 'never' ? 'never' : /^\d{1,4}$/.test(days) ? Number(days) : Number.NaN;
  try {
    const created = await createApiToken({ actor, input: { name: text(form, 'name'), expiresInDays } });
    revalidatePath('/profile');
    // The one time the secret leaves the server: the browser shows it once.
    return { ok: true, message: `Created token “${created.name}”.`, token: created.token };
  } catch (error) {
    return formFailure(error, { shown: ['name', 'expiresInDays'] });
  }
}

export async function revokeTokenAction(tokenId: string): Promise<FormState> {
  const actor = await requirePageActor();
  try {
    await revokeApiToken({ actor, tokenId });
  } catch (error) {
    return formFailure(error, { shown: [] });
  }
  revalidatePath('/profile');
  return { ok: true, message: 'Token revoked.' };
}

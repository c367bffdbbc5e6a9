'use server';

import { z } from 'zod';
import { formText } from '@/lib/form-data';
import { actionArg, defineAction } from '@/server/api/define-action';
import { createApiToken } from '@/server/tokens/create-api-token';
import { revokeApiToken } from '@/server/tokens/revoke-api-token';
import { changePassword } from '@/server/users/change-password';

/** On success the server has ended every session of this user; the browser then signs out. */
export const changePasswordAction = defineAction({
  roles: 'signed-in',
  input: z.tuple([actionArg.previous, actionArg.form]),
  run: async ({ actor, input: [, form] }) => {
    await changePassword({ actor, input: { currentPassword: formText(form, 'currentPassword'), newPassword: formText(form, 'newPassword') } });
    // No revalidate: this session is no longer valid, a re-render would only bounce to /login.
    return { ok: true, message: 'Password changed. Signing you out…' };
  },
  fields: { shown: ['currentPassword', 'newPassword'] },
});

/** A number of days or "never"; createApiToken validates the range and who may ask for never. */
function expiryFrom(form: FormData): number | 'never' | undefined {
  const days = formText(form, 'expiresInDays').trim();
  return days === '' ? undefined : days === 'never' ? 'never' : /^\d{1,4}$/.test(days) ? Number(days) : Number.NaN;
}

export const createTokenAction = defineAction({
  roles: 'signed-in',
  input: z.tuple([actionArg.previous, actionArg.form]),
  run: async ({ actor, input: [, form] }) => {
    const created = await createApiToken({ actor, input: { name: formText(form, 'name'), expiresInDays: expiryFrom(form) } });
    // The one time the secret leaves the server: the browser shows it once.
    return { ok: true, message: `Created token “${created.name}”.`, token: created.token };
  },
  fields: { shown: ['name', 'expiresInDays'] },
  revalidate: ['/profile'],
});

export const revokeTokenAction = defineAction({
  roles: 'signed-in',
  input: z.tuple([actionArg.id]),
  run: async ({ actor, input: [tokenId] }) => {
    await revokeApiToken({ actor, tokenId });
    return { ok: true, message: 'Token revoked.' };
  },
  fields: { shown: [] },
  revalidate: ['/profile'],
});

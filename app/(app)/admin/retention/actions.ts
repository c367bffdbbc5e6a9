'use server';

import { z } from 'zod';
import { formText } from '@/lib/form-data';
import { actionArg, defineAction } from '@/server/api/define-action';
import { liftHold } from '@/server/retention/lift-hold';
import { placeHold } from '@/server/retention/place-hold';
import { updateRetentionSettings } from '@/server/retention-policy/retention-settings';

export const updateRetentionAction = defineAction({
  roles: ['admin'],
  input: z.tuple([actionArg.previous, actionArg.form]),
  run: async ({ actor, input: [, form] }) => {
    await updateRetentionSettings({ actor, input: { defaultDays: formText(form, 'defaultDays'), ownersMayDelete: form.get('ownersMayDelete') === 'on' } });
    return { ok: true, message: 'Retention saved.' };
  },
  revalidate: ['/admin/retention'],
});

export const placeHoldAction = defineAction({
  roles: ['auditor', 'admin'],
  input: z.tuple([actionArg.previous, actionArg.form]),
  run: async ({ actor, input: [, form] }) => {
    await placeHold({ actor, input: { scope: formText(form, 'scope'), targetId: formText(form, 'targetId'), reason: formText(form, 'reason') } });
    return { ok: true, message: 'Legal hold placed.' };
  },
  revalidate: ['/admin/retention'],
});

export const liftHoldAction = defineAction({
  roles: ['auditor', 'admin'],
  input: z.tuple([actionArg.id, actionArg.previous, actionArg.form]),
  run: async ({ actor, input: [holdId, , form] }) => {
    await liftHold({ actor, holdId, input: { reason: formText(form, 'reason') } });
    return { ok: true, message: 'Hold lifted.' };
  },
  revalidate: ['/admin/retention'],
});

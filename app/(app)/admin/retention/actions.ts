'use server';

import { revalidatePath } from 'next/cache';
import type { FormState } from '@/components/ui/form-state';
import { formText } from '@/lib/form-data';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { toAppError } from '@/server/errors/to-app-error';
import { liftHold } from '@/server/retention/lift-hold';
import { placeHold } from '@/server/retention/place-hold';
import { updateRetentionSettings } from '@/server/retention/retention-settings';

function failure(error: unknown): FormState {
  const appError = toAppError(error);
  return { ok: false, message: appError.userMessage, fields: appError.fields };
}

async function attempt(run: () => Promise<unknown>, message: string): Promise<FormState> {
  try {
    await run();
  } catch (error) {
    return failure(error);
  }
  revalidatePath('/admin/retention');
  return { ok: true, message };
}

export async function updateRetentionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePageActor('admin');
  const input = { defaultDays: formText(form, 'defaultDays'), ownersMayDelete: form.get('ownersMayDelete') === 'on' };
  return attempt(() => updateRetentionSettings({ actor, input }), 'Retention saved.');
}

export async function placeHoldAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePageActor('auditor', 'admin');
  const input = { scope: formText(form, 'scope'), targetId: formText(form, 'targetId'), reason: formText(form, 'reason') };
  return attempt(() => placeHold({ actor, input }), 'Legal hold placed.');
}

export async function liftHoldAction(holdId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePageActor('auditor', 'admin');
  return attempt(() => liftHold({ actor, holdId, input: { reason: formText(form, 'reason') } }), 'Hold lifted.');
}

'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/ui/form-state';
import { formText } from '@/lib/form-data';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { toAppError } from '@/server/errors/to-app-error';
import { deleteOwnRecording } from '@/server/retention/delete-own-recording';
import { liftHold } from '@/server/retention/lift-hold';
import { placeHold } from '@/server/retention/place-hold';

async function attempt(recordingId: string, run: () => Promise<unknown>, message: string): Promise<FormState> {
  try {
    await run();
  } catch (error) {
    const appError = toAppError(error);
    return { ok: false, message: appError.userMessage, fields: appError.fields };
  }
  revalidatePath(`/recordings/${recordingId}`);
  return { ok: true, message };
}

export async function placeRecordingHoldAction(recordingId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePageActor('auditor', 'admin');
  return attempt(
    recordingId,
    () => placeHold({ actor, input: { scope: 'recording', targetId: recordingId, reason: formText(form, 'reason') } }),
    'Legal hold placed.',
  );
}

export async function liftRecordingHoldAction(recordingId: string, holdId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePageActor('auditor', 'admin');
  return attempt(recordingId, () => liftHold({ actor, holdId, input: { reason: formText(form, 'reason') } }), 'Hold lifted.');
}

export async function deleteRecordingAction(recordingId: string): Promise<FormState> {
  const actor = await requirePageActor();
  const failed = await attempt(recordingId, () => deleteOwnRecording({ actor, recordingId }), 'Deleted.');
  if (!failed?.ok) return failed;
  redirect('/recordings');
}

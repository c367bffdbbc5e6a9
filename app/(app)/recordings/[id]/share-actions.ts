'use server';

import { revalidatePath } from 'next/cache';
import type { FormState } from '@/components/ui/form-state';
import { parseTimeParam } from '@/components/replay/replay-format';
import { formText } from '@/lib/form-data';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { toAppError } from '@/server/errors/to-app-error';
import { revokeShare } from '@/server/sharing/revoke-share';
import { shareRecording } from '@/server/sharing/share-recording';

/** A range field: empty is "none"; `93`, `1:33` and `1m33s` are seconds; anything else is said so next to it. */
function moment(form: FormData, name: string): { value: number | null } | { error: string } {
  const text = formText(form, name).trim();
  if (text === '') return { value: null };
  const seconds = parseTimeParam(text);
  return seconds === undefined ? { error: 'Use seconds or m:ss, like 1:30' } : { value: seconds };
}

export async function shareRecordingAction(recordingId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePageActor();
  const start = moment(form, 'rangeStart');
  const end = moment(form, 'rangeEnd');
  if ('error' in start || 'error' in end) {
    const fields = { ...('error' in start ? { rangeStart: [start.error] } : {}), ...('error' in end ? { rangeEnd: [end.error] } : {}) };
    return { ok: false, message: 'Check the range.', fields };
  }
  try {
    await shareRecording({
      actor,
      recordingId,
      input: {
        reviewerEmail: formText(form, 'reviewerEmail'),
        expiresInDays: formText(form, 'expiresInDays') || undefined,
        rangeStart: start.value,
        rangeEnd: end.value,
        message: formText(form, 'message'),
      },
    });
  } catch (error) {
    const appError = toAppError(error);
    return { ok: false, message: appError.userMessage, fields: appError.fields };
  }
  revalidatePath(`/recordings/${recordingId}`);
  return { ok: true, message: 'Shared.' };
}

export async function revokeShareAction(recordingId: string, shareId: string): Promise<FormState> {
  const actor = await requirePageActor();
  try {
    await revokeShare({ actor, recordingId, shareId });
  } catch (error) {
    const appError = toAppError(error);
    return { ok: false, message: appError.userMessage };
  }
  revalidatePath(`/recordings/${recordingId}`);
  return { ok: true, message: 'Revoked.' };
}

'use server';

import { z } from 'zod';
import { formText } from '@/lib/form-data';
import { actionArg, defineAction } from '@/server/api/define-action';
import { deleteOwnRecording } from '@/server/retention/delete-own-recording';
import { liftHold } from '@/server/retention/lift-hold';
import { placeHold } from '@/server/retention/place-hold';

const recordingPage = ([recordingId]: readonly [string, ...unknown[]]) => [`/recordings/${recordingId}`];

export const placeRecordingHoldAction = defineAction({
  roles: ['auditor', 'admin'],
  input: z.tuple([actionArg.id, actionArg.previous, actionArg.form]),
  run: async ({ actor, input: [recordingId, , form] }) => {
    await placeHold({ actor, input: { scope: 'recording', targetId: recordingId, reason: formText(form, 'reason') } });
    return { ok: true, message: 'Legal hold placed.' };
  },
  revalidate: recordingPage,
});

export const liftRecordingHoldAction = defineAction({
  roles: ['auditor', 'admin'],
  input: z.tuple([actionArg.id, actionArg.id, actionArg.previous, actionArg.form]),
  run: async ({ actor, input: [, holdId, , form] }) => {
    await liftHold({ actor, holdId, input: { reason: formText(form, 'reason') } });
    return { ok: true, message: 'Hold lifted.' };
  },
  revalidate: recordingPage,
});

export const deleteRecordingAction = defineAction({
  roles: 'signed-in',
  input: z.tuple([actionArg.id]),
  run: ({ actor, input: [recordingId] }) => deleteOwnRecording({ actor, recordingId }),
  revalidate: recordingPage,
  redirect: () => '/recordings?deleted=1',
});

'use server';

import { z } from 'zod';
import { actionArg, defineAction } from '@/server/api/define-action';
import { createAnnotation } from '@/server/recording/annotations/create-annotation';
import { deleteAnnotation } from '@/server/recording/annotations/delete-annotation';
import { listAnnotations } from '@/server/recording/annotations/list-annotations';
import { updateAnnotation } from '@/server/recording/annotations/update-annotation';

/** The note as the form sends it; createAnnotation/updateAnnotation check each field. */
const draft = z.object({ t: z.number(), endT: z.number().nullable(), body: z.string(), tags: z.array(z.string()), isShared: z.boolean() });

/** Adds a note (noteId null) or edits one of mine; answers with the notes as they are now. */
export const saveNoteAction = defineAction({
  roles: 'signed-in',
  input: z.tuple([actionArg.id, actionArg.id.nullable(), draft]),
  run: async ({ actor, input: [recordingId, noteId, input] }) => {
    if (noteId) await updateAnnotation({ actor, recordingId, annotationId: noteId, input });
    else await createAnnotation({ actor, recordingId, input });
    return { ok: true as const, notes: await listAnnotations({ actor, recordingId }) };
  },
});

export const deleteNoteAction = defineAction({
  roles: 'signed-in',
  input: z.tuple([actionArg.id, actionArg.id]),
  run: async ({ actor, input: [recordingId, noteId] }) => {
    await deleteAnnotation({ actor, recordingId, annotationId: noteId });
    return { ok: true as const, notes: await listAnnotations({ actor, recordingId }) };
  },
});

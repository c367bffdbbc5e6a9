'use server';

import type { ReplayNote } from '@/lib/recording/replay-types';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { toAppError } from '@/server/errors/to-app-error';
import { createAnnotation } from '@/server/recording/annotations/create-annotation';
import { deleteAnnotation } from '@/server/recording/annotations/delete-annotation';
import { listAnnotations } from '@/server/recording/annotations/list-annotations';
import { updateAnnotation } from '@/server/recording/annotations/update-annotation';

type Draft = { t: number; endT: number | null; body: string; tags: string[]; isShared: boolean };
type Result = { ok: true; notes: ReplayNote[] } | { ok: false; message: string; fields?: Record<string, string[]> };

function failure(error: unknown): Result {
  const appError = toAppError(error);
  return { ok: false, message: appError.userMessage, fields: appError.fields };
}

/** Adds a note (noteId null) or edits one of mine; answers with the notes as they are now. */
export async function saveNoteAction(recordingId: string, noteId: string | null, draft: Draft): Promise<Result> {
  const actor = await requirePageActor();
  try {
    if (noteId) await updateAnnotation({ actor, recordingId, annotationId: noteId, input: draft });
    else await createAnnotation({ actor, recordingId, input: draft });
    return { ok: true, notes: await listAnnotations({ actor, recordingId }) };
  } catch (error) {
    return failure(error);
  }
}

export async function deleteNoteAction(recordingId: string, noteId: string): Promise<Result> {
  const actor = await requirePageActor();
  try {
    await deleteAnnotation({ actor, recordingId, annotationId: noteId });
    return { ok: true, notes: await listAnnotations({ actor, recordingId }) };
  } catch (error) {
    return failure(error);
  }
}

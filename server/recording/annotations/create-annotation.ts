import { maskWrittenText } from '../../masking/rules-store/mask-written-text';
import { db } from '@/db/client';
import { annotations } from '@/db/recording-schema';
import type { Actor } from '../../actor/actor';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { requireReplayableRecording } from '../find-recording';
import { isInRange } from '../share-access';
import { AppError } from '../../errors/app-error';
import { annotationInput, type AnnotationInput, type AnnotationView } from './annotation-schemas';
import { toAnnotationView } from './annotation-view';
import { syncNoteEntry } from '../search-entries';

/**
 * Anyone who may replay a recording may note on it; the note is private unless shared. A
 * reviewer's notes are feedback for the owner: always shared, and inside the shared range.
 */
export async function createAnnotation({ actor, recordingId, input }: { actor: Actor; recordingId: string; input: AnnotationInput }): Promise<AnnotationView> {
  const { recording, access } = await requireReplayableRecording(actor, recordingId);
  const data = annotationInput.parse(input);
  const t = Math.min(data.t, recording.duration);
  const endT = data.endT == null ? null : Math.min(data.endT, recording.duration);
  const isReviewer = access.kind === 'share';
  if (isReviewer && !isInRange(access.range, t, endT))
    throw new AppError('VALIDATION', {
      userMessage: 'A note goes inside the part of the recording shared with you.',
      fields: { t: ['Outside the shared part'] },
    });
  const written = await maskWrittenText({ body: data.body, tags: data.tags });
  const [row] = await db()
    .insert(annotations)
    .values({
      recordingId,
      authorId: actor.id,
      t,
      endT: endT !== null && endT > t ? endT : null,
      body: written.body,
      tags: written.tags,
      isShared: data.isShared || isReviewer,
    })
    .returning();
  await syncNoteEntry(row!);
  await recordAuditEvent({ actorId: actor.id, action: 'annotation.create', targetType: 'recording', targetId: recordingId, data: { annotationId: row!.id } });
  return toAnnotationView(row!, actor.name, actor);
}

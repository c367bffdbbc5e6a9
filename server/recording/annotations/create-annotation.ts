import { db } from '@/db/client';
import { annotations } from '@/db/recording-schema';
import type { Actor } from '../../auth/actor';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { requireVisibleRecording } from '../find-recording';
import { annotationInput, type AnnotationInput, type AnnotationView } from './annotation-schemas';
import { toAnnotationView } from './annotation-view';
import { syncNoteEntry } from '../search-entries';

/** Anyone who may replay a recording may note on it; the note is private unless shared. */
export async function createAnnotation({ actor, recordingId, input }: { actor: Actor; recordingId: string; input: AnnotationInput }): Promise<AnnotationView> {
  const { recording } = await requireVisibleRecording(actor, recordingId);
  const data = annotationInput.parse(input);
  const t = Math.min(data.t, recording.duration);
  const endT = data.endT == null ? null : Math.min(data.endT, recording.duration);
  const [row] = await db()
    .insert(annotations)
    .values({ recordingId, authorId: actor.id, t, endT: endT !== null && endT > t ? endT : null, body: data.body, tags: data.tags, isShared: data.isShared })
    .returning();
  await syncNoteEntry(row!);
  await recordAuditEvent({ actorId: actor.id, action: 'annotation.create', targetType: 'recording', targetId: recordingId, data: { annotationId: row!.id } });
  return toAnnotationView(row!, actor.name, actor);
}

import { maskWrittenText } from '../../masking/rules-store/mask-written-text';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { annotations } from '@/db/recording-schema';
import type { Actor } from '../../actor/actor';
import { AppError } from '../../errors/app-error';
import { annotationUpdate, type AnnotationUpdate, type AnnotationView } from './annotation-schemas';
import { toAnnotationView } from './annotation-view';
import { syncNoteEntry } from '../search-entries';
import { requireOwnAnnotation } from './find-annotation';
import { isInRange } from '../share-access';

export async function updateAnnotation({
  actor,
  recordingId,
  annotationId,
  input,
}: {
  actor: Actor;
  recordingId: string;
  annotationId: string;
  input: AnnotationUpdate;
}): Promise<AnnotationView> {
  const current = await requireOwnAnnotation(actor, recordingId, annotationId);
  const data = annotationUpdate.parse(input);
  const t = data.t ?? current.t;
  const endT = data.endT === undefined ? current.endT : data.endT;
  if (endT !== null && endT <= t)
    throw new AppError('VALIDATION', { userMessage: 'The end must be after the start.', fields: { endT: ['The end must be after the start'] } });
  const { access } = current;
  const isReviewer = access.kind === 'share';
  if (isReviewer && !isInRange(access.range, t, endT))
    throw new AppError('VALIDATION', {
      userMessage: 'A note goes inside the part of the recording shared with you.',
      fields: { t: ['Outside the shared part'] },
    });
  const written = await maskWrittenText({ body: data.body, tags: data.tags });
  const [row] = await db()
    .update(annotations)
    .set({
      t,
      endT,
      body: written.body ?? current.body,
      tags: written.tags ?? current.tags,
      isShared: isReviewer || (data.isShared ?? current.isShared),
      updatedAt: sql`now()`,
    })
    .where(eq(annotations.id, current.id))
    .returning();
  await syncNoteEntry(row!);
  return toAnnotationView(row!, actor.name, actor);
}

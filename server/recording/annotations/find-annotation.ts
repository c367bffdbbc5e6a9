import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { annotations, type Annotation } from '@/db/recording-schema';
import type { Actor } from '../../auth/actor';
import { AppError } from '../../errors/app-error';
import { requireVisibleRecording } from '../find-recording';
import { isUuid } from '@/lib/uuid/is-uuid';

/**
 * A note the actor may change: their own. Someone else's shared note is visible but not
 * theirs (403); a note they cannot see does not exist (404).
 */
export async function requireOwnAnnotation(actor: Actor, recordingId: string, annotationId: string): Promise<Annotation> {
  await requireVisibleRecording(actor, recordingId);
  const [row] = isUuid(annotationId) ? await db().select().from(annotations).where(eq(annotations.id, annotationId)) : [];
  if (!row || row.recordingId !== recordingId || (row.authorId !== actor.id && !row.isShared))
    throw new AppError('NOT_FOUND', { userMessage: 'No such note.' });
  if (row.authorId !== actor.id) throw new AppError('FORBIDDEN', { userMessage: 'Only its author can change a note.' });
  return row;
}

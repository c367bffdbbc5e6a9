import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { annotations, type Annotation } from '@/db/recording-schema';
import type { Actor } from '../../actor/actor';
import { AppError } from '../../errors/app-error';
import { requireReplayableRecording } from '../find-recording';
import { isInRange, type RecordingAccess } from '../share-access';
import { isUuid } from '@/lib/uuid/is-uuid';
import { canSeeNote } from './note-visibility';

/**
 * A note the actor may change: their own. Someone else's shared note is visible but not
 * theirs (403); a note they cannot see does not exist (404).
 */
export async function requireOwnAnnotation(actor: Actor, recordingId: string, annotationId: string): Promise<Annotation & { access: RecordingAccess }> {
  const { access, recording } = await requireReplayableRecording(actor, recordingId);
  const range = access.kind === 'share' ? access.range : null;
  const [row] = isUuid(annotationId) ? await db().select().from(annotations).where(eq(annotations.id, annotationId)) : [];
  if (!row || row.recordingId !== recordingId || !canSeeNote(row, actor, recording.userId) || !isInRange(range, row.t, row.endT))
    throw new AppError('NOT_FOUND', { userMessage: 'No such note.' });
  if (row.authorId !== actor.id) throw new AppError('FORBIDDEN', { userMessage: 'Only its author can change a note.' });
  return { ...row, access };
}

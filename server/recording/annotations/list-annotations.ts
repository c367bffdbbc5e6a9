import { canSeeNote } from './note-visibility';
import { and, asc, eq, or } from 'drizzle-orm';
import { db } from '@/db/client';
import { annotations } from '@/db/recording-schema';
import { users } from '@/db/schema';
import type { Actor } from '../../actor/actor';
import { requireReplayableRecording } from '../find-recording';
import { isInRange } from '../share-access';
import type { AnnotationView } from './annotation-schemas';
import { toAnnotationView } from './annotation-view';

/** My notes on a recording, and those others shared with its viewers; in timeline order. A reviewer sees those inside the shared range. */
export async function listAnnotations({ actor, recordingId }: { actor: Actor; recordingId: string }): Promise<AnnotationView[]> {
  const { access, recording } = await requireReplayableRecording(actor, recordingId);
  const range = access.kind === 'share' ? access.range : null;
  const rows = await db()
    .select({ annotation: annotations, authorName: users.name })
    .from(annotations)
    .innerJoin(users, eq(users.id, annotations.authorId))
    .where(and(eq(annotations.recordingId, recordingId), or(eq(annotations.authorId, actor.id), eq(annotations.isShared, true))))
    .orderBy(asc(annotations.t), asc(annotations.createdAt));
  return rows
    .filter((row) => canSeeNote(row.annotation, actor, recording.userId) && isInRange(range, row.annotation.t, row.annotation.endT))
    .map((row) => toAnnotationView(row.annotation, row.authorName, actor));
}

import { and, asc, eq, or } from 'drizzle-orm';
import { db } from '@/db/client';
import { annotations } from '@/db/recording-schema';
import { users } from '@/db/schema';
import type { Actor } from '../../auth/actor';
import { requireVisibleRecording } from '../find-recording';
import type { AnnotationView } from './annotation-schemas';
import { toAnnotationView } from './annotation-view';

/** My notes on a recording, and those others shared with its viewers; in timeline order. */
export async function listAnnotations({ actor, recordingId }: { actor: Actor; recordingId: string }): Promise<AnnotationView[]> {
  await requireVisibleRecording(actor, recordingId);
  const rows = await db()
    .select({ annotation: annotations, authorName: users.name })
    .from(annotations)
    .innerJoin(users, eq(users.id, annotations.authorId))
    .where(and(eq(annotations.recordingId, recordingId), or(eq(annotations.authorId, actor.id), eq(annotations.isShared, true))))
    .orderBy(asc(annotations.t), asc(annotations.createdAt));
  return rows.map((row) => toAnnotationView(row.annotation, row.authorName, actor));
}

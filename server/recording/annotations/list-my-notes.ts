import { and, arrayContains, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { db } from '@/db/client';
import { annotations, recordings } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import { likePattern } from '@/lib/text/like-pattern';
import type { Actor } from '../../actor/actor';
import { canViewRecording } from '../find-recording';
import { myNotesQuery, type MyNoteView } from './annotation-schemas';
import { toAnnotationView } from './annotation-view';

/** Every note the actor wrote, newest first, optionally with one tag or matching `q` (text or tags); plus all their tags. */
export async function listMyNotes({
  actor,
  query = {},
}: {
  actor: Actor;
  query?: z.input<typeof myNotesQuery>;
}): Promise<{ notes: MyNoteView[]; tags: string[] }> {
  const { tag, q } = myNotesQuery.parse(query);
  const filters: SQL[] = [eq(annotations.authorId, actor.id)];
  const narrowing: SQL[] = [];
  if (tag) narrowing.push(arrayContains(annotations.tags, [tag]));
  if (q) narrowing.push(or(ilike(annotations.body, likePattern(q)), sql`array_to_string(${annotations.tags}, ' ') ilike ${likePattern(q)}`)!);
  const [rows, tagRows] = await Promise.all([
    db()
      .select({ annotation: annotations, recording: recordings, resourceName: sessions.resourceName })
      .from(annotations)
      .innerJoin(recordings, eq(recordings.id, annotations.recordingId))
      .innerJoin(sessions, eq(sessions.id, recordings.id))
      .where(and(...filters, ...narrowing))
      .orderBy(desc(annotations.createdAt))
      .limit(1000),
    db()
      .selectDistinct({ tags: annotations.tags })
      .from(annotations)
      .where(and(...filters)),
  ]);
  const tags = [...new Set(tagRows.flatMap((row) => row.tags))].sort();
  return {
    // A note on a recording the author can no longer see (roles changed) stays hidden.
    notes: rows
      .filter((row) => canViewRecording(actor, row.recording))
      .map((row) => ({
        ...toAnnotationView(row.annotation, actor.name, actor),
        resourceName: row.resourceName,
        recordingStartedAt: row.recording.startedAt.toISOString(),
      })),
    tags,
  };
}

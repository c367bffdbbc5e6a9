import { and, arrayContains, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { db } from '@/db/client';
import { annotations, recordings } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import { likePattern } from '@/lib/text/like-pattern';
import { canSeeAll, type Actor } from '../../actor/actor';
import { myNotesQuery, type MyNoteView } from './annotation-schemas';
import { toAnnotationView } from './annotation-view';

export type MyNotesPage = { notes: MyNoteView[]; tags: string[]; total: number; page: number };

/**
 * The notes the actor wrote, newest first, a page at a time, optionally with one tag or matching
 * `q` (text or tags); `total` counts them across pages; `tags` are all the actor's tags.
 */
export async function listMyNotes({ actor, query = {} }: { actor: Actor; query?: z.input<typeof myNotesQuery> }): Promise<MyNotesPage> {
  const { tag, q, page, limit } = myNotesQuery.parse(query);
  const mine = eq(annotations.authorId, actor.id);
  const filters: SQL[] = [mine];
  // A note on a recording the author can no longer see (roles changed) stays hidden, as the
  // recording does (find-recording.ts: its owner, auditors and admins).
  if (!canSeeAll(actor)) filters.push(eq(recordings.userId, actor.id));
  if (tag) filters.push(arrayContains(annotations.tags, [tag]));
  if (q) filters.push(or(ilike(annotations.body, likePattern(q)), sql`array_to_string(${annotations.tags}, ' ') ilike ${likePattern(q)}`)!);
  const where = and(...filters);
  const [rows, [counted], tagRows] = await Promise.all([
    db()
      .select({ annotation: annotations, recording: recordings, resourceName: sessions.resourceName })
      .from(annotations)
      .innerJoin(recordings, eq(recordings.id, annotations.recordingId))
      .innerJoin(sessions, eq(sessions.id, recordings.id))
      .where(where)
      // The id breaks ties, so each note is on exactly one page.
      .orderBy(desc(annotations.createdAt), desc(annotations.id))
      .limit(limit)
      .offset((page - 1) * limit),
    db().select({ n: count() }).from(annotations).innerJoin(recordings, eq(recordings.id, annotations.recordingId)).where(where),
    db().selectDistinct({ tags: annotations.tags }).from(annotations).where(mine),
  ]);
  return {
    notes: rows.map((row) => ({
      ...toAnnotationView(row.annotation, actor.name, actor),
      resourceName: row.resourceName,
      recordingStartedAt: row.recording.startedAt.toISOString(),
    })),
    tags: [...new Set(tagRows.flatMap((row) => row.tags))].sort(),
    total: counted?.n ?? 0,
    page,
  };
}

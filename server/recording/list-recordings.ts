import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { sessions, users } from '@/db/schema';
import { canSeeAll, type Actor } from '../actor/actor';
import { recordingListQuery, type RecordingListQuery, type RecordingPage } from './recording-schemas';
import { toRecordingView } from './recording-view';
import { sqlSummaries } from './sql-summaries';
import { recordingKindOf } from '@/lib/recording/recording-kind';
import { assertRangeInOrder } from '../errors/date-range';

/** Newest first; auditors and admins see everyone's unless they ask for their own. */
export async function listRecordings({ actor, query = {} }: { actor: Actor; query?: RecordingListQuery }): Promise<RecordingPage> {
  const q = recordingListQuery.parse(query);
  assertRangeInOrder(q.from, q.to);
  const scope = canSeeAll(actor) ? (q.scope ?? 'all') : 'mine';
  const filters: SQL[] = [];
  if (scope === 'mine') filters.push(eq(recordings.userId, actor.id));
  if (q.resourceId) filters.push(eq(sessions.resourceId, q.resourceId));
  if (q.status) filters.push(eq(recordings.status, q.status));
  if (q.from) filters.push(gte(recordings.startedAt, new Date(`${q.from}T00:00:00Z`)));
  if (q.automated !== undefined) filters.push(eq(sessions.isAutomated, q.automated));
  if (q.to) filters.push(lt(recordings.startedAt, new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000)));
  const where = filters.length > 0 ? and(...filters) : undefined;
  const [rows, [total]] = await Promise.all([
    db()
      .select({ recording: recordings, session: sessions, user: users })
      .from(recordings)
      .innerJoin(sessions, eq(sessions.id, recordings.id))
      .innerJoin(users, eq(users.id, recordings.userId))
      .where(where)
      .orderBy(desc(recordings.startedAt))
      .limit(q.limit)
      .offset((q.page - 1) * q.limit),
    db().select({ n: count() }).from(recordings).innerJoin(sessions, eq(sessions.id, recordings.id)).where(where),
  ]);
  const n = total?.n ?? 0;
  const summaries = await sqlSummaries(rows.filter((row) => recordingKindOf(row.session.resourceType) !== 'terminal').map((row) => row.recording.id));
  return {
    recordings: rows.map((row) => toRecordingView(row, summaries.get(row.recording.id))),
    total: n,
    page: q.page,
    pageCount: Math.max(1, Math.ceil(n / q.limit)),
  };
}

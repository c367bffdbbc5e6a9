import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { sessions, users } from '@/db/schema';
import { canSeeAll, type Actor } from '../actor/actor';
import { sessionListQuery, type SessionView } from './session-schemas';
import { toSessionView } from './session-view';

type ListArgs = { actor: Actor; query?: z.input<typeof sessionListQuery> };

/** Which sessions the actor may list, narrowed by the query: their own, or anyone's for admins and auditors. */
function visibleSessions(actor: Actor, { status, resourceId, userId }: z.output<typeof sessionListQuery>): SQL | undefined {
  const filters: SQL[] = [];
  if (!canSeeAll(actor)) filters.push(eq(sessions.userId, actor.id));
  else if (userId) filters.push(eq(sessions.userId, userId));
  if (status) filters.push(eq(sessions.status, status));
  if (resourceId) filters.push(eq(sessions.resourceId, resourceId));
  return filters.length > 0 ? and(...filters) : undefined;
}

/** Newest first, one page of `limit` (`page` counts from 1). */
export async function listSessions({ actor, query = {} }: ListArgs): Promise<SessionView[]> {
  const q = sessionListQuery.parse(query);
  const rows = await db()
    .select({ session: sessions, user: users, recordingStatus: recordings.status })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(recordings, eq(recordings.id, sessions.id))
    .where(visibleSessions(actor, q))
    // The id breaks ties, so a session created in the same microsecond as another is on exactly one page.
    .orderBy(desc(sessions.createdAt), desc(sessions.id))
    .limit(q.limit)
    .offset((q.page - 1) * q.limit);
  return rows.map((row) => toSessionView(row.session, row.user, row.recordingStatus));
}

/** How many sessions the same query lists across all its pages. */
export async function countSessions({ actor, query = {} }: ListArgs): Promise<number> {
  const [row] = await db()
    .select({ n: count() })
    .from(sessions)
    .where(visibleSessions(actor, sessionListQuery.parse(query)));
  return row?.n ?? 0;
}

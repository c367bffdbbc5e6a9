import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { sessions, users } from '@/db/schema';
import { canSeeAll, type Actor } from '../actor/actor';
import { sessionListQuery, type SessionView } from './session-schemas';
import { toSessionView } from './session-view';

/** Newest first: the actor's own sessions, or everyone's for admins and auditors. */
export async function listSessions({ actor, query = {} }: { actor: Actor; query?: z.input<typeof sessionListQuery> }): Promise<SessionView[]> {
  const { status, resourceId, userId, limit } = sessionListQuery.parse(query);
  const filters: SQL[] = [];
  if (!canSeeAll(actor)) filters.push(eq(sessions.userId, actor.id));
  else if (userId) filters.push(eq(sessions.userId, userId));
  if (status) filters.push(eq(sessions.status, status));
  if (resourceId) filters.push(eq(sessions.resourceId, resourceId));
  const rows = await db()
    .select({ session: sessions, user: users, recordingStatus: recordings.status })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(recordings, eq(recordings.id, sessions.id))
    .where(filters.length > 0 ? and(...filters) : undefined)
    .orderBy(desc(sessions.createdAt))
    .limit(limit);
  return rows.map((row) => toSessionView(row.session, row.user, row.recordingStatus));
}

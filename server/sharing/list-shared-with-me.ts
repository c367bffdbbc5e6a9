import { and, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { recordingShares } from '@/db/sharing-schema';
import { sessions, users } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { sharedWithMeQuery, type SharedWithMePage, type SharedWithMeQuery } from './share-schemas';

/** Recordings others shared with me that I may still watch (not revoked, not expired), newest share first. */
export async function listSharedWithMe({ actor, query = {} }: { actor: Actor; query?: SharedWithMeQuery }): Promise<SharedWithMePage> {
  const q = sharedWithMeQuery.parse(query);
  const owner = alias(users, 'owner');
  const sharer = alias(users, 'sharer');
  const where = and(eq(recordingShares.reviewerId, actor.id), isNull(recordingShares.revokedAt), gt(recordingShares.expiresAt, sql`now()`));
  const [rows, [total]] = await Promise.all([
    db()
      .select({ share: recordingShares, recording: recordings, session: sessions, ownerName: owner.name, sharerName: sharer.name })
      .from(recordingShares)
      .innerJoin(recordings, eq(recordings.id, recordingShares.recordingId))
      .innerJoin(sessions, eq(sessions.id, recordings.id))
      .innerJoin(owner, eq(owner.id, recordings.userId))
      .leftJoin(sharer, eq(sharer.id, recordingShares.sharedBy))
      .where(where)
      .orderBy(desc(recordingShares.createdAt))
      .limit(q.limit)
      .offset((q.page - 1) * q.limit),
    db().select({ n: count() }).from(recordingShares).where(where),
  ]);
  const n = total?.n ?? 0;
  return {
    shares: rows.map(({ share, recording, session, ownerName, sharerName }) => ({
      shareId: share.id,
      recordingId: recording.id,
      ownerName,
      sharedByName: sharerName,
      resourceName: session.resourceName,
      resourceType: session.resourceType,
      recordingStartedAt: recording.startedAt.toISOString(),
      duration: recording.duration,
      rangeStart: share.rangeStart,
      rangeEnd: share.rangeEnd,
      message: share.message,
      expiresAt: share.expiresAt.toISOString(),
      createdAt: share.createdAt.toISOString(),
    })),
    total: n,
    page: q.page,
    pageCount: Math.max(1, Math.ceil(n / q.limit)),
  };
}

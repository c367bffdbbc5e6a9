import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordingShares, recordingShareViews, type RecordingShare } from '@/db/sharing-schema';
import { users } from '@/db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Actor } from '../actor/actor';

/** The part of a recording a reviewer may see: seconds from the start; `end` null = to the end. */
export type ShareRange = { start: number; end: number | null };

/** How the actor reached a recording: as its owner, as an auditor/admin, or through a live share. */
export type RecordingAccess =
  | { kind: 'owner' }
  | { kind: 'all' }
  | { kind: 'share'; shareId: string; range: ShareRange | null; sharedByName: string | null; expiresAt: string; message: string };

export function rangeOf(share: Pick<RecordingShare, 'rangeStart' | 'rangeEnd'>): ShareRange | null {
  if (share.rangeStart === null && share.rangeEnd === null) return null;
  return { start: share.rangeStart ?? 0, end: share.rangeEnd };
}

/**
 * The reviewer's live share of a recording: not revoked, not expired, its reviewer still an
 * active user. Several live shares (say, two ranges) are not merged: the newest one counts.
 */
export async function findLiveShare(reviewerId: string, recordingId: string): Promise<RecordingAccess | undefined> {
  const [row] = await db()
    .select({ share: recordingShares, sharedByName: users.name })
    .from(recordingShares)
    .leftJoin(users, eq(users.id, recordingShares.sharedBy))
    .where(
      and(
        eq(recordingShares.recordingId, recordingId),
        eq(recordingShares.reviewerId, reviewerId),
        isNull(recordingShares.revokedAt),
        gt(recordingShares.expiresAt, sql`now()`),
      ),
    )
    .orderBy(desc(recordingShares.createdAt))
    .limit(1);
  if (!row) return undefined;
  const { share } = row;
  return {
    kind: 'share',
    shareId: share.id,
    range: rangeOf(share),
    sharedByName: row.sharedByName,
    expiresAt: share.expiresAt.toISOString(),
    message: share.message,
  };
}

/** A reviewer opened the shared recording: the owner's "watched" list reads these; each is audited. */
export async function recordShareView(actor: Actor, recordingId: string, shareId: string): Promise<void> {
  await db().transaction(async (tx) => {
    await tx.insert(recordingShareViews).values({ shareId });
    await recordAuditEvent(
      { actorId: actor.id, action: 'recording_share.view', targetType: 'recording', targetId: recordingId, data: { shareId, via: actor.via } },
      tx,
    );
  });
}

/** Is `t` (or the span t..endT) inside the range? No range: everything is. */
export function isInRange(range: ShareRange | null, t: number, endT: number | null = null): boolean {
  if (!range) return true;
  const last = endT ?? t;
  return t >= range.start && (range.end === null || last <= range.end);
}

import { desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { recordingShares, recordingShareViews, type RecordingShare } from '@/db/sharing-schema';
import { users } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { requireSharer } from './require-sharer';
import type { ShareView } from './share-schemas';

/** Shares of one recording are few; past this, the oldest are left out. */
const MAX_SHARES = 100;
const VIEWS_SHOWN = 20;

function stateOf(share: RecordingShare, now: Date): ShareView['state'] {
  if (share.revokedAt) return 'revoked';
  return share.expiresAt <= now ? 'expired' : 'active';
}

async function viewsOf(shareIds: string[]): Promise<Map<string, Date[]>> {
  const byShare = new Map<string, Date[]>();
  if (shareIds.length === 0) return byShare;
  const rows = await db()
    .select({ shareId: recordingShareViews.shareId, viewedAt: recordingShareViews.viewedAt })
    .from(recordingShareViews)
    .where(inArray(recordingShareViews.shareId, shareIds))
    .orderBy(desc(recordingShareViews.viewedAt));
  for (const row of rows) byShare.set(row.shareId, [...(byShare.get(row.shareId) ?? []), row.viewedAt]);
  return byShare;
}

/** A recording's shares, newest first, with who watched when: for the owner, auditors and admins. */
export async function listShares({ actor, recordingId }: { actor: Actor; recordingId: string }): Promise<ShareView[]> {
  await requireSharer(actor, recordingId);
  const reviewer = alias(users, 'reviewer');
  const sharer = alias(users, 'sharer');
  const revoker = alias(users, 'revoker');
  const rows = await db()
    .select({ share: recordingShares, reviewer: { name: reviewer.name, email: reviewer.email }, sharerName: sharer.name, revokerName: revoker.name })
    .from(recordingShares)
    .innerJoin(reviewer, eq(reviewer.id, recordingShares.reviewerId))
    .leftJoin(sharer, eq(sharer.id, recordingShares.sharedBy))
    .leftJoin(revoker, eq(revoker.id, recordingShares.revokedBy))
    .where(eq(recordingShares.recordingId, recordingId))
    .orderBy(desc(recordingShares.createdAt))
    .limit(MAX_SHARES);
  const views = await viewsOf(rows.map((row) => row.share.id));
  const now = new Date();
  return rows.map(({ share, ...row }) => {
    const seen = views.get(share.id) ?? [];
    return {
      id: share.id,
      recordingId: share.recordingId,
      reviewerId: share.reviewerId,
      reviewerName: row.reviewer.name,
      reviewerEmail: row.reviewer.email,
      sharedByName: row.sharerName,
      rangeStart: share.rangeStart,
      rangeEnd: share.rangeEnd,
      message: share.message,
      state: stateOf(share, now),
      expiresAt: share.expiresAt.toISOString(),
      createdAt: share.createdAt.toISOString(),
      revokedAt: share.revokedAt?.toISOString() ?? null,
      revokedByName: row.revokerName,
      viewCount: seen.length,
      views: seen.slice(0, VIEWS_SHOWN).map((at) => at.toISOString()),
    };
  });
}

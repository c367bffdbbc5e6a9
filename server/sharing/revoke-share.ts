import { and, eq, isNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordingShares } from '@/db/sharing-schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Actor } from '../actor/actor';
import { AppError } from '../errors/app-error';
import { isUuid } from '@/lib/uuid/is-uuid';
import { requireSharer } from './require-sharer';

/** Ends a share at once (the reviewer's next request gets 404). Revoking twice changes nothing. Audited. */
export async function revokeShare({ actor, recordingId, shareId }: { actor: Actor; recordingId: string; shareId: string }): Promise<void> {
  await requireSharer(actor, recordingId);
  const [share] = isUuid(shareId)
    ? await db()
        .select({ id: recordingShares.id })
        .from(recordingShares)
        .where(and(eq(recordingShares.id, shareId), eq(recordingShares.recordingId, recordingId)))
    : [];
  if (!share) throw new AppError('NOT_FOUND', { userMessage: 'No such share.' });
  await db().transaction(async (tx) => {
    const revoked = await tx
      .update(recordingShares)
      .set({ revokedAt: sql`now()`, revokedBy: actor.id })
      .where(and(eq(recordingShares.id, shareId), isNull(recordingShares.revokedAt)))
      .returning({ id: recordingShares.id });
    if (revoked.length === 0) return;
    await recordAuditEvent({ actorId: actor.id, action: 'recording_share.revoke', targetType: 'recording', targetId: recordingId, data: { shareId } }, tx);
  });
}

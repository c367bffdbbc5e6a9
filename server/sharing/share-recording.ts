import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordingShares } from '@/db/sharing-schema';
import type { User } from '@/db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Actor } from '../actor/actor';
import { AppError } from '../errors/app-error';
import { findUserByEmail, findUserById } from '../users/find-user';
import { requireSharer } from './require-sharer';
import { shareInput } from './share-schemas';

const noReviewer = () =>
  new AppError('VALIDATION', { userMessage: 'No active user with that address.', fields: { reviewerEmail: ['No active user with that address'] } });

async function findReviewer(data: { reviewerId?: string; reviewerEmail?: string }): Promise<User> {
  const user = data.reviewerId ? await findUserById(data.reviewerId) : await findUserByEmail(data.reviewerEmail ?? '');
  if (!user || user.isDisabled) throw noReviewer();
  return user;
}

/**
 * The owner, an auditor or an admin lets one active user (not the owner) replay a recording,
 * or a time range of it, for a number of days. Audited.
 */
export async function shareRecording({
  actor,
  recordingId,
  input,
}: {
  actor: Actor;
  recordingId: string;
  input: unknown;
}): Promise<{ id: string; expiresAt: string }> {
  const { recording } = await requireSharer(actor, recordingId);
  const data = shareInput.parse(input);
  const reviewer = await findReviewer(data);
  if (reviewer.id === recording.userId)
    throw new AppError('VALIDATION', { userMessage: 'The owner already sees this recording.', fields: { reviewerEmail: ['That is the owner'] } });
  if (reviewer.id === actor.id)
    throw new AppError('VALIDATION', { userMessage: 'You already see this recording.', fields: { reviewerEmail: ['That is you'] } });
  const rangeStart = data.rangeStart ?? null;
  const rangeEnd = data.rangeEnd ?? null;
  if (rangeStart !== null && recording.status !== 'recording' && rangeStart >= recording.duration)
    throw new AppError('VALIDATION', { userMessage: 'The range starts after the recording ends.', fields: { rangeStart: ['After the end'] } });
  return db().transaction(async (tx) => {
    const [share] = await tx
      .insert(recordingShares)
      .values({
        recordingId,
        sharedBy: actor.id,
        reviewerId: reviewer.id,
        rangeStart,
        rangeEnd,
        message: data.message,
        expiresAt: sql`now() + make_interval(days => ${data.expiresInDays}::int)`,
      })
      .returning({ id: recordingShares.id, expiresAt: recordingShares.expiresAt });
    await recordAuditEvent(
      {
        actorId: actor.id,
        action: 'recording_share.create',
        targetType: 'recording',
        targetId: recordingId,
        data: { shareId: share!.id, reviewerId: reviewer.id, expiresInDays: data.expiresInDays, rangeStart, rangeEnd },
      },
      tx,
    );
    return { id: share!.id, expiresAt: share!.expiresAt.toISOString() };
  });
}

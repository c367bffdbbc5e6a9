import { and, eq, isNull } from 'drizzle-orm';
import { db } from '@/db/client';
import { legalHolds } from '@/db/recording-schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Actor } from '../actor/actor';
import { requireRole } from '../actor/require-role';
import { AppError } from '../errors/app-error';
import { isUuid } from '@/lib/uuid/is-uuid';
import { liftHoldInput } from './hold-schemas';
import { syncObjectLegalHolds } from './sync-object-holds';

/** Only auditors and admins lift a hold, with a reason; the row stays for the record. */
export async function liftHold({ actor, holdId, input }: { actor: Actor; holdId: string; input: unknown }): Promise<void> {
  requireRole(actor, 'auditor', 'admin');
  const { reason } = liftHoldInput.parse(input);
  if (!isUuid(holdId)) throw new AppError('NOT_FOUND', { userMessage: 'No such legal hold.' });
  await db().transaction(async (tx) => {
    const [lifted] = await tx
      .update(legalHolds)
      .set({ liftedAt: new Date(), liftedBy: actor.id, liftReason: reason })
      .where(and(eq(legalHolds.id, holdId), isNull(legalHolds.liftedAt)))
      .returning();
    if (!lifted) throw new AppError('NOT_FOUND', { userMessage: 'No such active legal hold.' });
    await syncObjectLegalHolds(tx, lifted);
    await recordAuditEvent(
      { actorId: actor.id, action: 'legal_hold.lifted', targetType: lifted.scope, targetId: lifted.targetId, data: { holdId, reason } },
      tx,
    );
  });
}

import { and, eq, isNull } from 'drizzle-orm';
import { db } from '@/db/client';
import { legalHolds, recordings, recordingTombstones } from '@/db/recording-schema';
import { resources, users } from '@/db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Actor } from '../actor/actor';
import { requireRole } from '../actor/require-role';
import { AppError } from '../errors/app-error';
import { placeHoldInput } from './hold-schemas';
import { syncObjectLegalHolds } from './sync-object-holds';

/** Auditors and admins hold a recording, every recording of a user, or of a resource. */
export async function placeHold({ actor, input }: { actor: Actor; input: unknown }): Promise<{ id: string }> {
  requireRole(actor, 'auditor', 'admin');
  const { scope, targetId, reason } = placeHoldInput.parse(input);
  return db().transaction(async (tx) => {
    const table = scope === 'recording' ? recordings : scope === 'user' ? users : resources;
    const [target] = await tx.select({ id: table.id }).from(table).where(eq(table.id, targetId));
    if (!target) throw new AppError('NOT_FOUND', { userMessage: `No such ${scope}.` });
    if (scope === 'recording') {
      const [purging] = await tx.select({ id: recordingTombstones.id }).from(recordingTombstones).where(eq(recordingTombstones.id, targetId));
      if (purging) throw new AppError('CONFLICT', { userMessage: 'This recording is being deleted; it can no longer be held.' });
    }
    const [existing] = await tx
      .select({ id: legalHolds.id })
      .from(legalHolds)
      .where(and(eq(legalHolds.scope, scope), eq(legalHolds.targetId, targetId), isNull(legalHolds.liftedAt)));
    if (existing) throw new AppError('CONFLICT', { userMessage: `This ${scope} is already on legal hold.` });
    const [hold] = await tx.insert(legalHolds).values({ scope, targetId, reason, placedBy: actor.id }).returning({ id: legalHolds.id });
    await syncObjectLegalHolds(tx, { scope, targetId });
    await recordAuditEvent({ actorId: actor.id, action: 'legal_hold.placed', targetType: scope, targetId, data: { holdId: hold!.id, reason } }, tx);
    return { id: hold!.id };
  });
}

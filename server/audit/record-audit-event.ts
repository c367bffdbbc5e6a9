import { db, type Db } from '@/db/client';
import { auditEvents } from '@/db/schema';

export type AuditEventInput = {
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  data?: Record<string, unknown>;
};

/** Appends to the audit log; pass a transaction to make the event part of the change. */
export async function recordAuditEvent(event: AuditEventInput, tx: Pick<Db, 'insert'> = db()): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: event.actorId,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    data: event.data ?? {},
  });
}

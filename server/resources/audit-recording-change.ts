import type { Db } from '@/db/client';
import type { Resource } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { recordAuditEvent } from '../audit/record-audit-event';

/**
 * Turning recording off is the one resource change an auditor looks for first, so it gets its
 * own event with the old and the new value (resource.update lists only what was sent).
 */
export async function auditRecordingChange(
  { actor, before, after }: { actor: Actor; before: Pick<Resource, 'recording'>; after: Pick<Resource, 'id' | 'name' | 'recording'> },
  tx: Pick<Db, 'insert'>,
): Promise<void> {
  if (before.recording === after.recording) return;
  await recordAuditEvent(
    {
      actorId: actor.id,
      action: 'resource.recording_change',
      targetType: 'resource',
      targetId: after.id,
      data: { resourceName: after.name, from: before.recording, to: after.recording },
    },
    tx,
  );
}

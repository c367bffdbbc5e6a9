import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { resources } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { requireRole } from '../actor/require-role';
import { recordAuditEvent } from '../audit/record-audit-event';
import { terminateSessions } from '../events/terminate-sessions';
import { requireResource } from './find-resource';
import { invalidateCaches } from '../events/invalidated-cache';

/** Deletes a resource (admins only) and, once that has committed, ends its live sessions on every replica. */
export async function deleteResource({ actor, resourceId }: { actor: Actor; resourceId: string }): Promise<void> {
  requireRole(actor, 'admin');
  const existing = await requireResource(resourceId);
  await db().transaction(async (tx) => {
    await tx.delete(resources).where(eq(resources.id, resourceId));
    await recordAuditEvent({ actorId: actor.id, action: 'resource.delete', targetType: 'resource', targetId: resourceId, data: { name: existing.name } }, tx);
  });
  invalidateCaches('resources');
  terminateSessions({ resourceId }, 'resource_deleted');
}

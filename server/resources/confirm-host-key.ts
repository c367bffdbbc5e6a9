import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { resources } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { requireRole } from '../actor/require-role';
import { recordAuditEvent } from '../audit/record-audit-event';
import { fetchHostKey } from '../connectors/ssh/fetch-host-key';
import { AppError } from '../errors/app-error';
import { hostKeyFetchError } from './fetch-resource-host-key';
import { confirmHostKeyInput, type ConfirmHostKeyInput, type HostKeyCheck } from './host-key-schemas';
import { requireResource } from './find-resource';
import { invalidateCaches } from '../events/invalidated-cache';

/**
 * Step two: the admin confirms the fingerprint they were shown. The key is fetched again and
 * pinned only if it is still the same one, so a key that changed in between is never pinned.
 */
export async function confirmHostKey({ actor, resourceId, input }: { actor: Actor; resourceId: string; input: ConfirmHostKeyInput }): Promise<HostKeyCheck> {
  requireRole(actor, 'admin');
  const { fingerprint } = confirmHostKeyInput.parse(input);
  const resource = await requireResource(resourceId);
  if (resource.type !== 'ssh') throw new AppError('BAD_REQUEST', { userMessage: 'Only SSH resources have a host key.' });
  const key = await fetchHostKey(resource.host, resource.port).catch((error: unknown) => {
    throw hostKeyFetchError(error);
  });
  if (key.fingerprint !== fingerprint) {
    throw new AppError('CONFLICT', {
      userMessage: `The host now presents ${key.fingerprint}, not the fingerprint you confirmed. Check the host before trusting it.`,
      fields: { fingerprint: ['Does not match the key the host presents'] },
    });
  }
  await db().transaction(async (tx) => {
    // Only if the address is still the one whose key was checked.
    const updated = await tx
      .update(resources)
      .set({ hostKey: key.key, hostKeyFingerprint: key.fingerprint, updatedAt: new Date() })
      .where(and(eq(resources.id, resourceId), eq(resources.host, resource.host), eq(resources.port, resource.port)))
      .returning({ id: resources.id });
    if (updated.length === 0) throw new AppError('CONFLICT', { userMessage: 'The resource changed meanwhile; fetch its host key again.' });
    await recordAuditEvent(
      {
        actorId: actor.id,
        action: 'resource.host_key_confirm',
        targetType: 'resource',
        targetId: resourceId,
        data: { fingerprint: key.fingerprint, previous: resource.hostKeyFingerprint },
      },
      tx,
    );
  });
  invalidateCaches('resources');
  return { fingerprint: key.fingerprint, keyType: key.keyType, pinnedFingerprint: key.fingerprint, matchesPinned: true };
}

import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { resources } from '@/db/schema';
import type { Actor } from '../auth/actor';
import { requireRole } from '../auth/require-role';
import { recordAuditEvent } from '../audit/record-audit-event';
import { isUniqueViolation } from '../users/unique-violation';
import { duplicateNameError } from './create-resource';
import { requireResource } from './find-resource';
import { openCredentials, sealCredentials } from './resource-credentials';
import { updateResourceInput, type ResourceView, type UpdateResourceInput } from './resource-schemas';
import { toResourceView } from './resource-view';

export async function updateResource({ actor, resourceId, input }: { actor: Actor; resourceId: string; input: UpdateResourceInput }): Promise<ResourceView> {
  requireRole(actor, 'admin');
  const data = updateResourceInput.parse(input);
  const existing = await requireResource(resourceId);
  const isSsh = existing.type === 'ssh';

  const credentialsChanged = Boolean(data.password || data.privateKey || data.passphrase);
  let credentials: string | undefined;
  if (credentialsChanged) {
    const stored = openCredentials(existing.id, existing.credentials);
    credentials = sealCredentials(existing.id, {
      ...stored,
      ...(data.password ? { password: data.password } : {}),
      ...(isSsh && data.privateKey ? { privateKey: data.privateKey } : {}),
      ...(isSsh && data.passphrase ? { passphrase: data.passphrase } : {}),
    });
  }
  const hostChanged = (data.host !== undefined && data.host !== existing.host) || (data.port !== undefined && data.port !== existing.port);

  try {
    return await db().transaction(async (tx) => {
      const [row] = await tx
        .update(resources)
        .set({
          name: data.name,
          description: data.description,
          tags: data.tags,
          host: data.host,
          port: data.port,
          username: data.username,
          database: isSsh ? undefined : data.database,
          tls: isSsh ? undefined : data.tls,
          accessMode: data.accessMode,
          allowedRoles: data.allowedRoles,
          credentials,
          // A new address needs its host key confirmed again.
          ...(isSsh && hostChanged ? { hostKey: null, hostKeyFingerprint: null } : {}),
          updatedAt: new Date(),
        })
        .where(eq(resources.id, resourceId))
        .returning();
      if (!row) throw new Error('update returned no row');
      const { password: _p, privateKey: _k, passphrase: _s, ...auditable } = data;
      await recordAuditEvent(
        { actorId: actor.id, action: 'resource.update', targetType: 'resource', targetId: resourceId, data: { ...auditable, credentialsChanged } },
        tx,
      );
      return toResourceView(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateNameError();
    throw error;
  }
}

import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { resources, type Resource } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { requireRole } from '../actor/require-role';
import { recordAuditEvent } from '../audit/record-audit-event';
import { announceAccessChange } from '../events/access-changes';
import { isUniqueViolation } from '../users/unique-violation';
import { duplicateNameError } from './create-resource';
import { requireResource } from './find-resource';
import { auditRecordingChange } from './audit-recording-change';
import { openCredentials, sealCredentials } from './resource-credentials';
import { sshUsername, updateResourceInput, type ResourceView, type UpdateResourceInput } from './resource-schemas';
import { toResourceView } from './resource-view';
import { kubernetesUpdateColumns } from './kubernetes-save';
import { httpUpdateColumns } from './http-save';
import { terminateSessions } from '../events/terminate-sessions';
import { invalidateCaches } from '../events/invalidated-cache';

type UpdateData = z.output<typeof updateResourceInput>;

const RESOURCE_CONNECTION_CHANGED = 'An admin changed this resource’s address or credentials, so its sessions were ended. Connect again to use the new ones.';

/**
 * The credentials to write, if any. Changing where the secret is sent (host, port, user name,
 * database) drops the stored secret, or an admin could point a resource at a server of their
 * own and receive its password; secrets given in the same update are kept.
 */
function nextCredentials(existing: Resource, data: UpdateData): { credentials?: string; isTargetChanged: boolean } {
  const isSsh = existing.type === 'ssh';
  const isTargetChanged =
    (data.host !== undefined && data.host !== existing.host) ||
    (data.port !== undefined && data.port !== existing.port) ||
    (data.username !== undefined && data.username !== existing.username) ||
    (!isSsh && data.database !== undefined && data.database !== existing.database);
  const given = {
    ...(data.password ? { password: data.password } : {}),
    ...(isSsh && data.privateKey ? { privateKey: data.privateKey } : {}),
    ...(isSsh && data.passphrase ? { passphrase: data.passphrase } : {}),
  };
  if (!isTargetChanged && Object.keys(given).length === 0) return { isTargetChanged };
  const kept = isTargetChanged ? {} : openCredentials(existing.id, existing.credentials);
  return { credentials: sealCredentials(existing.id, { ...kept, ...given }), isTargetChanged };
}

export async function updateResource({ actor, resourceId, input }: { actor: Actor; resourceId: string; input: UpdateResourceInput }): Promise<ResourceView> {
  requireRole(actor, 'admin');
  const data = updateResourceInput.parse(input);
  const target = await requireResource(resourceId);
  // The update schema does not know the type; an SSH account name has the stricter rule.
  if (target.type === 'ssh' && data.username !== undefined) z.object({ username: sshUsername }).parse({ username: data.username });
  // Checked against the cluster before the row is locked (a network call); the token is re-sealed as checked.
  const kubernetes = target.type === 'kubernetes' ? await kubernetesUpdateColumns(target, data) : undefined;
  const http = target.type === 'http' ? httpUpdateColumns(target, data) : undefined;

  let view: ResourceView;
  let isConnectionChanged = false;
  try {
    view = await db().transaction(async (tx) => {
      // Locked: a concurrent update cannot re-seal the old secret after the target changed.
      const [existing] = await tx.select().from(resources).where(eq(resources.id, resourceId)).for('update');
      if (!existing) throw new Error('resource vanished');
      const isSsh = existing.type === 'ssh';
      const { credentials, isTargetChanged } = kubernetes
        ? { credentials: kubernetes.token ? sealCredentials(existing.id, { token: kubernetes.token }) : undefined, isTargetChanged: kubernetes.isTargetChanged }
        : http
          ? {
              credentials:
                data.credential || http.isTargetChanged || !http.credential ? sealCredentials(existing.id, { password: http.credential }) : undefined,
              isTargetChanged: http.isTargetChanged,
            }
          : nextCredentials(existing, data);
      const [row] = await tx
        .update(resources)
        .set({
          name: data.name,
          description: data.description,
          tags: data.tags,
          host: kubernetes?.host ?? http?.host ?? data.host,
          port: kubernetes?.port ?? http?.port ?? data.port,
          username: http?.username ?? data.username,
          database: isSsh || kubernetes || http ? undefined : data.database,
          tls: kubernetes?.tls ?? (isSsh ? undefined : data.tls),
          settings: kubernetes?.settings ?? http?.settings,
          accessMode: data.accessMode,
          allowedRoles: data.allowedRoles,
          retentionDays: data.retentionDays,
          recording: data.recording,
          inputIdleMinutes: data.inputIdleMinutes,
          credentials,
          // A new target needs its host key confirmed again.
          ...(isSsh && isTargetChanged ? { hostKey: null, hostKeyFingerprint: null } : {}),
          updatedAt: new Date(),
        })
        .where(eq(resources.id, resourceId))
        .returning();
      if (!row) throw new Error('update returned no row');
      const { password: _p, privateKey: _k, passphrase: _s, token: _t, credential: _c, ...auditable } = data;
      await recordAuditEvent(
        {
          actorId: actor.id,
          action: 'resource.update',
          targetType: 'resource',
          targetId: resourceId,
          data: { ...auditable, credentialsChanged: credentials !== undefined, credentialsCleared: isTargetChanged },
        },
        tx,
      );
      await auditRecordingChange({ actor, before: existing, after: row }, tx);
      isConnectionChanged = credentials !== undefined || isTargetChanged;
      return toResourceView(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateNameError();
    throw error;
  }
  invalidateCaches('resources');
  // Fewer roles, or approval now required: end the live sessions that no longer qualify.
  if (data.accessMode !== undefined || data.allowedRoles !== undefined) await announceAccessChange({ type: 'resource.rule_changed', resourceId });
  // New credentials or a new address: the connections the old ones opened end (a leaked password is rotated to cut them off).
  if (isConnectionChanged) terminateSessions({ resourceId }, 'terminated', RESOURCE_CONNECTION_CHANGED);
  return view;
}

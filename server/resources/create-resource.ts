import { randomUUID } from 'node:crypto';
import { db } from '@/db/client';
import { resources } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { requireRole } from '../actor/require-role';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { isUniqueViolation } from '../users/unique-violation';
import { sealCredentials } from './resource-credentials';
import { createResourceInput, type CreateResourceInput, type ResourceView } from './resource-schemas';
import { toResourceView } from './resource-view';
import { kubernetesCreateColumns } from './kubernetes-save';
import { httpCreateColumns } from './http-save';

export const duplicateNameError = () =>
  new AppError('CONFLICT', { userMessage: 'A resource with this name already exists.', fields: { name: ['Already in use'] } });

export async function createResource({ actor, input }: { actor: Actor | null; input: CreateResourceInput }): Promise<ResourceView> {
  if (actor) requireRole(actor, 'admin');
  const data = createResourceInput.parse(input);
  const id = randomUUID();
  // A kubernetes token is checked against the cluster before anything is saved.
  const kubernetes = data.type === 'kubernetes' ? await kubernetesCreateColumns(data) : undefined;
  const http = data.type === 'http' ? httpCreateColumns(data) : undefined;
  const credentials = sealCredentials(id, {
    password: data.type === 'kubernetes' ? undefined : data.type === 'http' ? http?.credential : data.password,
    privateKey: data.type === 'ssh' ? data.privateKey : undefined,
    passphrase: data.type === 'ssh' ? data.passphrase : undefined,
    token: kubernetes?.token,
  });
  try {
    return await db().transaction(async (tx) => {
      const [row] = await tx
        .insert(resources)
        .values({
          id,
          name: data.name,
          type: data.type,
          description: data.description,
          tags: data.tags,
          host: data.host,
          port: data.port,
          username: data.type === 'http' ? (http?.username ?? '') : data.username,
          database: data.type === 'ssh' || data.type === 'kubernetes' || data.type === 'http' ? null : data.database,
          tls: data.type === 'ssh' ? null : data.tls,
          settings: kubernetes?.settings ?? http?.settings ?? null,
          accessMode: data.accessMode,
          allowedRoles: data.allowedRoles,
          retentionDays: data.retentionDays,
          recording: data.recording,
          inputIdleMinutes: data.inputIdleMinutes,
          credentials,
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      await recordAuditEvent(
        {
          actorId: actor?.id ?? null,
          action: 'resource.create',
          targetType: 'resource',
          targetId: id,
          data: { name: data.name, type: data.type, recording: data.recording },
        },
        tx,
      );
      return toResourceView(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateNameError();
    throw error;
  }
}

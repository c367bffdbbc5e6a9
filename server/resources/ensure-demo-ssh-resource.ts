import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { resources } from '@/db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import { sealCredentials } from './resource-credentials';

export const DEMO_SSH_RESOURCE_NAME = 'Demo shell';

export type DemoSshEndpoint = { host: string; port: number; username: string; password: string; hostKey: string; hostKeyFingerprint: string };

/**
 * Creates the demo SSH resource, or points it at this start's demo server (new port and
 * password every start). Only connection details are rewritten: an admin's edits to the
 * description, tags or access rules stay.
 */
export async function ensureDemoSshResource(endpoint: DemoSshEndpoint): Promise<string> {
  const connection = {
    host: endpoint.host,
    port: endpoint.port,
    username: endpoint.username,
    hostKey: endpoint.hostKey,
    hostKeyFingerprint: endpoint.hostKeyFingerprint,
  };
  return db().transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: resources.id })
      .from(resources)
      .where(sql`lower(${resources.name}) = ${DEMO_SSH_RESOURCE_NAME.toLowerCase()}`);
    if (existing) {
      await tx
        .update(resources)
        .set({ ...connection, type: 'ssh', credentials: sealCredentials(existing.id, { password: endpoint.password }), updatedAt: new Date() })
        .where(eq(resources.id, existing.id));
      return existing.id;
    }
    const id = randomUUID();
    await tx.insert(resources).values({
      id,
      name: DEMO_SSH_RESOURCE_NAME,
      type: 'ssh',
      description: 'A real shell on the Porthole host, in a scratch directory (demo mode only).',
      tags: ['env=demo'],
      accessMode: 'open',
      allowedRoles: ['engineer'],
      credentials: sealCredentials(id, { password: endpoint.password }),
      ...connection,
    });
    await recordAuditEvent(
      { actorId: null, action: 'resource.create', targetType: 'resource', targetId: id, data: { name: DEMO_SSH_RESOURCE_NAME, type: 'ssh', demo: true } },
      tx,
    );
    return id;
  });
}

import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { resources } from '@/db/schema';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { sealCredentials } from '../../resources/resource-credentials';

export const DEMO_SQL_RESOURCE_NAME = 'Demo database';
/** PGlite accepts any password; a fixed one keeps the resource like any other. */
const DEMO_PASSWORD = 'porthole-demo';

/**
 * Creates the demo SQL resource, or points it at this start's demo database (a new port every
 * start). Only the connection details are rewritten: an admin's edits to the description,
 * tags or access rules stay.
 */
export async function ensureDemoSqlResource(endpoint: { host: string; port: number }): Promise<string> {
  const connection = { host: endpoint.host, port: endpoint.port, username: 'postgres', database: 'postgres' };
  return db().transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: resources.id })
      .from(resources)
      .where(sql`lower(${resources.name}) = ${DEMO_SQL_RESOURCE_NAME.toLowerCase()}`);
    if (existing) {
      await tx
        .update(resources)
        .set({ ...connection, type: 'postgres', updatedAt: new Date() })
        .where(eq(resources.id, existing.id));
      return existing.id;
    }
    const id = randomUUID();
    await tx.insert(resources).values({
      id,
      name: DEMO_SQL_RESOURCE_NAME,
      type: 'postgres',
      description: 'An embedded PostgreSQL (PGlite) with fake customers, cards and tokens (demo mode only).',
      tags: ['env=demo'],
      accessMode: 'open',
      allowedRoles: ['engineer'],
      tls: { mode: 'disable' },
      credentials: sealCredentials(id, { password: DEMO_PASSWORD }),
      ...connection,
    });
    await recordAuditEvent(
      { actorId: null, action: 'resource.create', targetType: 'resource', targetId: id, data: { name: DEMO_SQL_RESOURCE_NAME, type: 'postgres', demo: true } },
      tx,
    );
    return id;
  });
}

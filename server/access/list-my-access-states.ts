import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accessRequests, grants } from '@/db/access-schema';
import type { Actor } from '../actor/actor';

export type AccessState = { state: 'active'; until: string } | { state: 'pending' };

/** For the catalogue cards: resources where the actor has an active grant or a pending request. */
export async function listMyAccessStates({ actor }: { actor: Actor }): Promise<Map<string, AccessState>> {
  const [active, pending] = await Promise.all([
    db()
      .select({ resourceId: grants.resourceId, expiresAt: grants.expiresAt })
      .from(grants)
      .where(and(eq(grants.userId, actor.id), eq(grants.status, 'active'), gt(grants.expiresAt, sql`now()`)))
      // A grant with more time asked for runs beside the one it extends: the later end is set last.
      .orderBy(asc(grants.expiresAt)),
    db()
      .select({ resourceId: accessRequests.resourceId })
      .from(accessRequests)
      .where(and(eq(accessRequests.requesterId, actor.id), eq(accessRequests.status, 'pending'), gt(accessRequests.pendingUntil, sql`now()`))),
  ]);
  const states = new Map<string, AccessState>(pending.map((row) => [row.resourceId, { state: 'pending' }]));
  for (const row of active) states.set(row.resourceId, { state: 'active', until: row.expiresAt.toISOString() });
  return states;
}

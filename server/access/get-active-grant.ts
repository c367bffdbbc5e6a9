import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { db, type Db } from '@/db/client';
import { grants, type Grant } from '@/db/access-schema';
import { isUuid } from '@/lib/uuid/is-uuid';

/** The user's grant on a resource that is active right now (database clock), if any. */
export async function getActiveGrant(
  { userId, resourceId }: { userId: string; resourceId: string },
  tx: Pick<Db, 'select'> = db(),
): Promise<Grant | undefined> {
  const [grant] = await tx
    .select()
    .from(grants)
    .where(and(eq(grants.userId, userId), eq(grants.resourceId, resourceId), eq(grants.status, 'active'), gt(grants.expiresAt, sql`now()`)))
    .orderBy(desc(grants.expiresAt))
    .limit(1);
  return grant;
}

/** One grant's state now: the gateway's periodic re-check of a live session. */
export async function getGrantState(grantId: string): Promise<{ isActive: boolean; status: Grant['status']; expiresAt: Date } | undefined> {
  if (!isUuid(grantId)) return undefined;
  const [row] = await db()
    .select({ status: grants.status, expiresAt: grants.expiresAt, isLive: sql<boolean>`${grants.expiresAt} > now()` })
    .from(grants)
    .where(eq(grants.id, grantId));
  if (!row) return undefined;
  return { isActive: row.status === 'active' && row.isLive, status: row.status === 'active' && !row.isLive ? 'expired' : row.status, expiresAt: row.expiresAt };
}

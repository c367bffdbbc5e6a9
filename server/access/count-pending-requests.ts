import { count, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { accessRequests } from '@/db/access-schema';

/** Access requests waiting for a decision, over all resources (the approvals-pending metric). */
export async function countPendingRequests(): Promise<number> {
  const [row] = await db().select({ pending: count() }).from(accessRequests).where(eq(accessRequests.status, 'pending'));
  return row?.pending ?? 0;
}

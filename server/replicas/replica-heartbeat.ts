import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { replicas } from '@/db/schema';
import { log } from '../log/logger';
import { replicaId } from './replica-id';

/** Heartbeats per timeout: a replica survives a few missed ones (a slow database, a long GC pause). */
const BEATS_PER_TIMEOUT = 6;

export function heartbeatIntervalMs(timeoutMs: number): number {
  return Math.max(250, Math.floor(timeoutMs / BEATS_PER_TIMEOUT));
}

/**
 * Registers this process as a replica and keeps its heartbeat fresh. Returns the stop step,
 * which removes the row: a replica that drained has no sessions left to recover.
 */
export async function startReplicaHeartbeat({ internalUrl, timeoutMs }: { internalUrl: string; timeoutMs: number }): Promise<() => Promise<void>> {
  const id = replicaId();
  await db()
    .insert(replicas)
    .values({ id, internalUrl })
    .onConflictDoUpdate({ target: replicas.id, set: { internalUrl, lastSeenAt: sql`now()` } });
  const timer = setInterval(() => {
    db()
      .update(replicas)
      .set({ lastSeenAt: sql`now()` })
      .where(eq(replicas.id, id))
      .catch((error: unknown) => log().error({ err: error }, 'replica heartbeat failed'));
  }, heartbeatIntervalMs(timeoutMs));
  timer.unref();
  return async () => {
    clearInterval(timer);
    await db()
      .delete(replicas)
      .where(eq(replicas.id, id))
      .catch((error: unknown) => log().error({ err: error }, 'cannot deregister replica'));
  };
}

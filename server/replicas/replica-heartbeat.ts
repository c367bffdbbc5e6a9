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

type HeartbeatOptions = {
  internalUrl: string;
  timeoutMs: number;
  /**
   * No heartbeat got through for `timeoutMs`: the other replicas now count this one as dead
   * (and have marked its sessions interrupted), and revocations cannot reach it. Called once
   * per outage.
   */
  onLost: () => void;
};

/**
 * Registers this process as a replica and keeps its heartbeat fresh; every beat is an upsert,
 * so a replica that was counted dead and comes back registers again. Returns the stop step,
 * which removes the row: a replica that drained has no sessions left to recover.
 */
export function startReplicaHeartbeat({ internalUrl, timeoutMs, onLost }: HeartbeatOptions): () => Promise<void> {
  const id = replicaId();
  let lastBeatAt = Date.now();
  let isLost = false;
  let isFailing = false;
  let isBeating = false;
  const beat = async () => {
    if (isBeating) return;
    isBeating = true;
    try {
      await db()
        .insert(replicas)
        .values({ id, internalUrl })
        .onConflictDoUpdate({ target: replicas.id, set: { internalUrl, lastSeenAt: sql`now()` } });
      lastBeatAt = Date.now();
      isLost = false;
      isFailing = false;
    } catch (error) {
      // Once per outage, not every beat.
      if (!isFailing) log().error({ err: error }, 'replica heartbeat failed');
      isFailing = true;
      if (!isLost && Date.now() - lastBeatAt > timeoutMs) {
        isLost = true;
        onLost();
      }
    } finally {
      isBeating = false;
    }
  };
  void beat();
  const timer = setInterval(() => void beat(), heartbeatIntervalMs(timeoutMs));
  timer.unref();
  return async () => {
    clearInterval(timer);
    await db()
      .delete(replicas)
      .where(eq(replicas.id, id))
      .catch((error: unknown) => log().error({ err: error }, 'cannot deregister replica'));
  };
}

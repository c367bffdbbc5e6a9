import { randomUUID } from 'node:crypto';

const globalForReplica = globalThis as unknown as { __portholeReplicaId?: string };

/**
 * This server process among the replicas sharing the database: new on every start, so a
 * restarted process is a new replica and its predecessor's sessions are the dead one's.
 * On globalThis, because Next.js bundles route code apart from server/.
 */
export function replicaId(): string {
  return (globalForReplica.__portholeReplicaId ??= randomUUID());
}

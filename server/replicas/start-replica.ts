import { env } from '../env';
import { every } from '../jobs/start-jobs';
import { log } from '../log/logger';
import { interruptDeadReplicas } from './interrupt-dead-replicas';
import { exclusive, RECOVERY_LOCK } from './job-leadership';
import { closeProxiedWatches } from './proxy-watch';
import { heartbeatIntervalMs, startReplicaHeartbeat } from './replica-heartbeat';

/**
 * This process as one replica among several: its heartbeat, and the sweep that closes the
 * sessions of replicas that died (one survivor at a time). Returns the stop step.
 */
export function startReplica(): () => Promise<void> {
  const { internalUrl, timeoutMs } = env().replica;
  const stopping = startReplicaHeartbeat({ internalUrl, timeoutMs }).catch((error: unknown) => {
    log().error({ err: error }, 'cannot register this replica');
    return async () => undefined;
  });
  const stopSweep = every(
    'interrupt-dead-replicas',
    heartbeatIntervalMs(timeoutMs),
    exclusive(RECOVERY_LOCK, () => interruptDeadReplicas({ timeoutMs })),
  );
  return async () => {
    stopSweep();
    closeProxiedWatches();
    await (
      await stopping
    )();
  };
}

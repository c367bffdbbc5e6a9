import { env } from '../env';
import { every } from './every';
import { log } from '../log/logger';
import { liveSessions } from '../relay/live-sessions';
import { interruptDeadReplicas } from '../replicas/interrupt-dead-replicas';
import { exclusive, RECOVERY_LOCK } from './job-leadership';
import { closeProxiedWatches } from '../replicas/proxy-watch';
import { heartbeatIntervalMs, startReplicaHeartbeat } from '../replicas/replica-heartbeat';

export const LOST_MESSAGE = 'Porthole lost its database connection; the session was ended for safety.';

/**
 * Fails closed when the heartbeat cannot reach the database: the other replicas have marked
 * these sessions interrupted, and a grant revoked meanwhile would not reach them.
 */
function endLiveSessions(): void {
  const live = [...liveSessions().values()];
  log().error({ sessions: live.length }, 'replica heartbeat lost: ending its live sessions');
  for (const session of live) session.terminate(LOST_MESSAGE);
}

/**
 * This process as one replica among several: its heartbeat, and the sweep that closes the
 * sessions of replicas that died (one survivor at a time). Returns the stop step.
 */
export function startReplica(): () => Promise<void> {
  const { internalUrl, timeoutMs } = env().replica;
  const stopHeartbeat = startReplicaHeartbeat({ internalUrl, timeoutMs, onLost: endLiveSessions });
  const stopSweep = every(
    'interrupt-dead-replicas',
    heartbeatIntervalMs(timeoutMs),
    exclusive(RECOVERY_LOCK, () => interruptDeadReplicas({ timeoutMs })),
  );
  return async () => {
    stopSweep();
    closeProxiedWatches();
    await stopHeartbeat();
  };
}

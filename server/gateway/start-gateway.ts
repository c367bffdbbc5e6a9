import { startDemoTarget } from '../demo/ssh/start-demo-target';
import { interruptStaleSessions } from '../sessions/interrupt-stale-sessions';
import { every } from '../jobs/every';
import { createSessionGateway } from './session-gateway';
import { startWatcherEnforcement } from './watcher-access';
import type { UpgradeRouter } from '../http/upgrade-router';

const STALE_SWEEP_MS = 60_000;

/**
 * Wires the terminal gateway into the custom server: the /ws/sessions/:id route, the cleanup
 * of sessions a previous process left `active`, the watchers' re-check, and in demo mode the
 * embedded SSH target.
 * Returns the shutdown step, which ends live sessions and records their end, and why demo
 * mode has no demo shell if it has none.
 */
export async function startGateway({
  router,
  driver,
  isDemo,
  dataDir,
}: {
  router: UpgradeRouter;
  driver: 'pglite' | 'postgres';
  isDemo: boolean;
  dataDir: string;
}): Promise<{ stop: (message?: string) => Promise<void>; demoShellUnavailable?: string }> {
  // An embedded database belongs to this one process: whatever is still active died with the last run.
  // With PostgreSQL other replicas may be relaying sessions; only stale heartbeats count.
  await interruptStaleSessions(driver === 'pglite' ? { staleAfterMs: 0 } : {});
  const stopSweep = every('interrupt-stale-sessions', STALE_SWEEP_MS, () => interruptStaleSessions());
  const stopWatcherEnforcement = startWatcherEnforcement();

  const gateway = createSessionGateway();
  router.add('/ws/sessions/:id', gateway.handleUpgrade).add('/ws/sessions/:id/watch', gateway.handleWatchUpgrade);
  const demo = isDemo ? await startDemoTarget(dataDir) : undefined;

  const stop = async (message?: string) => {
    stopSweep();
    stopWatcherEnforcement();
    await gateway.close(message);
    await demo?.server?.close();
  };
  return { stop, demoShellUnavailable: demo?.unavailable };
}

import { startGrantEnforcement } from '../access/enforce-grants';
import { expireGrants } from '../access/expire-grants';
import { env } from '../env';
import { startPgEventBridge } from '../events/pg-bridge';
import { deliverDueWebhooks, enableWebhookSender } from '../webhooks/deliver-webhooks';

export const JOB_INTERVAL_MS = 5_000;

/** Runs `task` every `intervalMs`, never two at once; errors are logged, not fatal. */
export function every(name: string, intervalMs: number, task: () => Promise<unknown>): () => void {
  let isRunning = false;
  const tick = () => {
    if (isRunning) return;
    isRunning = true;
    task()
      .catch((error: unknown) => console.error(`[porthole] job ${name} failed:`, error))
      .finally(() => (isRunning = false));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return () => clearInterval(timer);
}

/**
 * Background work of a running server: ending grants on time (and the live sessions inside
 * them), sending webhooks, and (with PostgreSQL) relaying live events between replicas.
 * Returns a function that stops it all.
 */
export function startJobs(): () => Promise<void> {
  const stopExpiry = every('expire-grants', JOB_INTERVAL_MS, expireGrants);
  const stopEnforcement = startGrantEnforcement();
  enableWebhookSender(true);
  const stopWebhooks = every('deliver-webhooks', JOB_INTERVAL_MS, deliverDueWebhooks);
  const databaseUrl = env().databaseUrl;
  const stopBridge = databaseUrl ? startPgEventBridge(databaseUrl).stop : async () => undefined;
  return async () => {
    stopExpiry();
    stopEnforcement();
    stopWebhooks();
    enableWebhookSender(false);
    await stopBridge();
  };
}

import { log } from '../log/logger';
import { metrics } from '../metrics/registry';

/** Runs `task` every `intervalMs`, never two at once; errors are logged, not fatal. */
export function every(name: string, intervalMs: number, task: () => Promise<unknown>): () => void {
  let isRunning = false;
  const tick = () => {
    if (isRunning) return;
    isRunning = true;
    metrics().jobRuns.inc({ job: name });
    task()
      .catch((error: unknown) => {
        metrics().jobFailures.inc({ job: name });
        log().error({ job: name, err: error }, 'job failed');
      })
      .finally(() => (isRunning = false));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return () => clearInterval(timer);
}

import type http from 'node:http';
import { stopIndexing } from '../recording/index-queue';
import { activeRecordingIds } from '../recording/recorder';
import { log } from '../log/logger';
import { isDraining, startDraining } from './draining';

export type DrainSteps = {
  /** Ends every live session with `message` (the browser shows it) and resolves once their ends are written. */
  endSessions: (message: string) => Promise<void>;
  stopJobs: () => Promise<void>;
  server: http.Server;
  /** Closes the database (last: the steps before write to it). */
  closeDb: () => Promise<void>;
};

export type DrainOptions = { drainSeconds: number; exit?: (code: number) => void };

export const SHUTDOWN_MESSAGE = 'Porthole is restarting. Your session was ended and its recording saved; open it again in a moment.';

const POLL_MS = 25;

/** Sessions' recordings seal after the session row says ended: wait for those too. */
async function recordingsSealed(): Promise<void> {
  while (activeRecordingIds().size > 0) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
}

async function step(name: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    log().error({ step: name, err: error }, 'shutdown step failed');
  }
}

/**
 * The order of a graceful stop: refuse new work (ready → 503, upgrades → 503), end live
 * sessions through their own end path, let their recordings seal, stop background work,
 * close the listener and the database.
 */
export async function drain(steps: DrainSteps): Promise<void> {
  startDraining();
  await step('end sessions', () => steps.endSessions(SHUTDOWN_MESSAGE));
  await step('seal recordings', recordingsSealed);
  await step('stop jobs', steps.stopJobs);
  await step('stop indexing', stopIndexing);
  await step('close listener', async () => {
    const closed = new Promise<void>((resolve) => steps.server.close(() => resolve()));
    steps.server.closeAllConnections();
    await closed;
  });
  await step('close database', steps.closeDb);
}

/**
 * SIGTERM and SIGINT drain the process and exit 0; if that takes longer than
 * PORTHOLE_DRAIN_SECONDS it exits 1 anyway (an orchestrator's kill follows soon after).
 * A second signal during the drain exits at once.
 */
export function installShutdown(steps: DrainSteps, { drainSeconds, exit = (code) => process.exit(code) }: DrainOptions): void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (isDraining()) {
      log().warn({ signal }, 'second signal during the drain: exiting now');
      return exit(1);
    }
    log().info({ signal, drainSeconds }, 'draining: refusing new sessions, ending live ones');
    const startedAt = Date.now();
    setTimeout(() => {
      log().error({ drainSeconds }, 'drain did not finish in time: forcing exit');
      exit(1);
    }, drainSeconds * 1000).unref();
    void drain(steps).then(() => {
      log().info({ ms: Date.now() - startedAt }, 'drained: exiting');
      exit(0);
    });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

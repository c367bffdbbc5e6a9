import { tallies } from '../metrics/tallies';

/**
 * The index job goes on to the next chunk only while live sessions are quiet. Even at the
 * lowest CPU priority (index-worker.ts) a busy worker thread slows a bulk `cat` through the
 * gateway: on this project's two-core benchmark machine a `nice 19` busy loop alone took it to
 * about 0.71× (docs/benchmarks.md). So a job waits while this process's terminal sessions relay
 * bulk output, and goes on after MAX_WAIT_MS at the latest: a gateway that never goes quiet
 * still gets its recordings indexed, a chunk at a time.
 */

/** Relayed bytes per second (output and input, all terminal sessions) above which sessions count as busy. */
export const BUSY_BYTES_PER_SECOND = 512 * 1024;
/** While busy, the rate is measured again over this long. */
export const LOOK_MS = 100;
/** The longest wait before the next chunk. */
export const MAX_WAIT_MS = 5_000;

export type PacingSample = { atMs: number; relayedBytes: number };

/** Whether live sessions were busy between two samples (pure: the test's subject). */
export function isBusy(previous: PacingSample, now: PacingSample): boolean {
  const ms = Math.max(now.atMs - previous.atMs, LOOK_MS);
  return ((now.relayedBytes - previous.relayedBytes) * 1000) / ms > BUSY_BYTES_PER_SECOND;
}

function sample(): PacingSample {
  const { output, input } = tallies().relayedBytes;
  return { atMs: performance.now(), relayedBytes: output + input };
}

/** One per index job: remembers when it last looked, so a quiet gateway costs no waiting at all. */
export class IndexPacer {
  private last = sample();

  /** Resolves once sessions were quiet since the last look, or after MAX_WAIT_MS; rejects when `signal` aborts. */
  async untilSessionsQuiet(signal?: AbortSignal): Promise<void> {
    const deadline = performance.now() + MAX_WAIT_MS;
    for (;;) {
      const now = sample();
      const busy = isBusy(this.last, now);
      this.last = now;
      if (!busy || now.atMs >= deadline) return;
      await new Promise((resolve) => setTimeout(resolve, LOOK_MS));
      signal?.throwIfAborted();
    }
  }
}

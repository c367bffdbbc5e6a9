/** setTimeout's longest delay (24.8 days): a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs `run` at `at` (plus `marginMs`), unref'd; none when there is no time or it lies beyond a
 * timer's range (the caller's periodic re-check covers those). Returns the timer to clear.
 */
export function timerAt(at: Date | null | undefined, run: () => void, marginMs = 0): NodeJS.Timeout | undefined {
  if (!at) return undefined;
  const delay = Math.max(0, at.getTime() - Date.now()) + marginMs;
  return delay > MAX_TIMER_MS ? undefined : setTimeout(run, delay).unref();
}

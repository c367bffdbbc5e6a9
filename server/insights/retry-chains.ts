import type { RetryChain } from '@/lib/insights/insights-types';
import { LIST_SIZE, toRun, type ClassifiedRun } from './command-insights';

/** A run of the same pattern this soon after a failure is a retry. */
export const RETRY_WINDOW_SECONDS = 5 * 60;

type Open = { chain: RetryChain; lastAt: number };

/**
 * Failures followed, within RETRY_WINDOW_SECONDS of the last attempt, by the same pattern
 * again (`ls /nonexistent` then `ls /tmp` are both `ls <path>`): every failed attempt, and
 * the run that finally worked, if one did. A lone failure no one retried is not a chain.
 * `runs` must be in the order they ran; the newest chains come first.
 */
export function retryChains(runs: readonly ClassifiedRun[]): RetryChain[] {
  const open = new Map<string, Open>();
  const done: RetryChain[] = [];
  const close = (key: string) => {
    const entry = open.get(key);
    open.delete(key);
    if (entry && (entry.chain.failures.length > 1 || entry.chain.fix !== null)) done.push(entry.chain);
  };
  for (const run of runs) {
    if (run.pattern === '') continue;
    const key = `${run.kind}\u0000${run.pattern}`;
    const at = Date.parse(run.at);
    const entry = open.get(key);
    if (entry && at - entry.lastAt > RETRY_WINDOW_SECONDS * 1000) close(key);
    const current = open.get(key);
    if (current) {
      current.lastAt = at;
      if (run.isFailed) current.chain.failures.push(toRun(run));
      else {
        current.chain.fix = toRun(run);
        close(key);
      }
    } else if (run.isFailed) {
      open.set(key, { chain: { kind: run.kind, pattern: run.pattern, failures: [toRun(run)], fix: null }, lastAt: at });
    }
  }
  for (const key of [...open.keys()]) close(key);
  return done.sort((a, b) => lastAt(b).localeCompare(lastAt(a))).slice(0, LIST_SIZE);
}

const lastAt = (chain: RetryChain) => (chain.fix ?? chain.failures.at(-1)!).at;

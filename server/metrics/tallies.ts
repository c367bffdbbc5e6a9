import { processSingleton } from '@/lib/process-singleton';

/**
 * Plain numbers the hot paths bump (a property add, no label objects, no hashing); the
 * Prometheus collectors in registry.ts read them at scrape time. One set per process: route
 * code (logins, approvals) and server/ count into the same.
 */
export type SessionType = 'terminal' | 'sql' | 'http';

export type Tallies = {
  relayedBytes: { output: number; input: number };
  liveSessions: Record<SessionType, number>;
  /** Bytes of sealed recording chunks not yet written to the store. */
  recordingBacklogBytes: number;
  /** Readers of the bytes each live session's maskers hold back, by session id. */
  heldBytes: Map<string, () => number>;
};

export function tallies(): Tallies {
  return processSingleton<Tallies>('tallies', () => ({
    relayedBytes: { output: 0, input: 0 },
    liveSessions: { terminal: 0, sql: 0, http: 0 },
    recordingBacklogBytes: 0,
    heldBytes: new Map(),
  }));
}

/**
 * Plain numbers the hot paths bump (a property add, no label objects, no hashing); the
 * Prometheus collectors in registry.ts read them at scrape time. On globalThis because Next.js
 * bundles route code (logins, approvals) apart from server/ and both count into one set.
 */
export type SessionType = 'terminal' | 'sql';

export type Tallies = {
  relayedBytes: { output: number; input: number };
  liveSessions: Record<SessionType, number>;
  /** Bytes of sealed recording chunks not yet written to the store. */
  recordingBacklogBytes: number;
  /** Readers of the bytes each live session's maskers hold back, by session id. */
  heldBytes: Map<string, () => number>;
};

const globalForTallies = globalThis as unknown as { __portholeTallies?: Tallies };

export function tallies(): Tallies {
  globalForTallies.__portholeTallies ??= {
    relayedBytes: { output: 0, input: 0 },
    liveSessions: { terminal: 0, sql: 0 },
    recordingBacklogBytes: 0,
    heldBytes: new Map(),
  };
  return globalForTallies.__portholeTallies;
}

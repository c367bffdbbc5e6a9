import type { SessionEndReason } from '@/db/schema';

/**
 * The sessions this process is relaying, by id: for terminating one (grant revoked, admin) and
 * for tests that read a session's flow-control figures. Kept on globalThis like the db handle.
 */
export type LiveSession = {
  readonly id: string;
  readonly userId: string;
  stats(): LiveSessionStats;
  /** Ends the session from outside (admin, grant end); the browser sees `message`. */
  terminate(message: string, reason?: TerminationReason): void;
};

export type TerminationReason = Extract<SessionEndReason, 'terminated' | 'grant_expired' | 'grant_revoked'>;

export function toTerminationReason(reason: SessionEndReason | null): TerminationReason {
  return reason === 'grant_expired' || reason === 'grant_revoked' ? reason : 'terminated';
}

export type LiveSessionStats = {
  bytesIn: number;
  bytesOut: number;
  sent: number;
  acked: number;
  maxUnacked: number;
  maxBuffered: number;
  pauseCount: number;
};

const globalForLive = globalThis as unknown as { __portholeLiveSessions?: Map<string, LiveSession> };

export function liveSessions(): Map<string, LiveSession> {
  globalForLive.__portholeLiveSessions ??= new Map();
  return globalForLive.__portholeLiveSessions;
}

import type { SessionEndReason } from '@/db/schema';
import { TERMINATION_REASONS, type TerminationReason } from './end-reasons';

export type { TerminationReason };

/**
 * The sessions this process is relaying, by id: for terminating one (grant revoked, admin) and
 * for tests that read a session's flow-control figures. Kept on globalThis like the db handle.
 */
export type LiveSession = {
  readonly id: string;
  readonly userId: string;
  readonly resourceId: string;
  stats(): LiveSessionStats;
  /** Ends the session from outside (admin, grant end, user disabled, resource deleted); the browser sees `message`. */
  terminate(message: string, reason?: TerminationReason): void;
  /**
   * The watchers' side of the session's kind (a terminal's SessionWatch, a SQL console's
   * SqlSessionWatch). Opaque here so the registry stays below the gateway; the watch upgrade
   * narrows it. Registered entries are the gateway's RelaySessions.
   */
  readonly watch?: unknown;
  /**
   * Its user's grants on its resource changed while it runs (more time approved, a grant revoked
   * or expired): the session reads its grant's end again, and the browser's countdown follows.
   */
  grantChanged?(): void;
  /** Someone started or stopped watching (from any replica): the engineer is told who. */
  setWatching?(event: { watchId: string; watcherName: string; isWatching: boolean }): void;
};

export function toTerminationReason(reason: SessionEndReason | null): TerminationReason {
  return TERMINATION_REASONS.find((known) => known === reason) ?? 'terminated';
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

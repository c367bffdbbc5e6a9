import { randomUUID } from 'node:crypto';
import type { RequestStatus } from '@/db/access-schema';
import type { SessionStatus } from '@/db/schema';
import type { SqlReviewStatus } from '@/db/sql-schema';
import { log } from '../log/logger';
import type { TerminationReason } from '../relay/end-reasons';
import { processSingleton } from '@/lib/process-singleton';

/**
 * A tiny in-process publish/subscribe for live updates (approval badge, request state, statement reviews) and
 * for ending live sessions (grant ended, user disabled, resource deleted). Route code and server/ share one bus per
 * process (processSingleton). With DATABASE_URL set,
 * pg-bridge.ts relays events between replicas through PostgreSQL LISTEN/NOTIFY.
 */
export type AccessEvent = {
  type: 'access';
  requestId: string;
  resourceId: string;
  requesterId: string;
  status: RequestStatus;
  grantId?: string;
  /** ISO time the grant ends, while it is active. */
  grantExpiresAt?: string;
};

/** A held SQL submission was created or left `pending` (decided, withdrawn, lapsed with its session). */
export type SqlReviewEvent = {
  type: 'sql_review';
  reviewId: string;
  resourceId: string | null;
  requesterId: string;
  status: SqlReviewStatus;
};

// The data path's end reasons live below the bus (server/relay); the bus carries them.
export { TERMINATION_REASONS, type TerminationReason } from '../relay/end-reasons';

/** Which live sessions an end applies to: all of a user's, all on a resource, or one. */
export type SessionSelector = { userId: string } | { resourceId: string } | { sessionId: string };

/**
 * The one way to end live sessions from outside: every replica ends the matching sessions it
 * relays (server/gateway/end-sessions-on-event.ts); the browser sees `message`.
 */
export type SessionTerminateEvent = {
  type: 'session.terminate';
  selector: SessionSelector;
  reason: TerminationReason;
  message: string;
};

/** An auditor or admin started or stopped watching a live session: its replica shows the engineer who watches. */
export type SessionWatchEvent = {
  type: 'session.watch';
  sessionId: string;
  /** One watch socket (the same person may watch from two tabs). */
  watchId: string;
  watcherName: string;
  isWatching: boolean;
};

/** A session opened or ended: live session lists refresh. */
export type SessionChangeEvent = { type: 'session.change'; sessionId: string; userId: string; status: SessionStatus };

/**
 * Rows that caches on the request path keep (api tokens with their users, resources) changed:
 * every replica drops its copies (server/events/invalidated-cache.ts). Published after the
 * change commits, so a lookup that follows it reads the new row.
 */
export type CacheInvalidateEvent = { type: 'cache.invalidate'; scope: CacheScope };
export const CACHE_SCOPES = ['auth', 'resources'] as const;
export type CacheScope = (typeof CACHE_SCOPES)[number];

export type PortholeEvent = AccessEvent | SqlReviewEvent | SessionTerminateEvent | SessionWatchEvent | SessionChangeEvent | CacheInvalidateEvent;
export type EventListener = (event: PortholeEvent) => void;

type Bus = { origin: string; listeners: Set<EventListener>; relay?: (event: PortholeEvent) => void };

const bus = (): Bus => processSingleton<Bus>('eventBus', () => ({ origin: randomUUID(), listeners: new Set() }));

export function subscribe(listener: EventListener): () => void {
  bus().listeners.add(listener);
  return () => bus().listeners.delete(listener);
}

/** Delivers to this process's listeners, then to other replicas when a relay is installed. */
export function publish(event: PortholeEvent): void {
  emitLocal(event);
  bus().relay?.(event);
}

/** For the relay: deliver an event that came from another replica, without relaying it back. */
export function emitLocal(event: PortholeEvent): void {
  for (const listener of [...bus().listeners]) {
    try {
      listener(event);
    } catch (error) {
      log().error({ err: error }, 'event listener failed');
    }
  }
}

export function setRelay(relay: Bus['relay']): void {
  bus().relay = relay;
}

/** Identifies this process, so a replica ignores its own notifications. */
export function busOrigin(): string {
  return bus().origin;
}

import { randomUUID } from 'node:crypto';
import type { RequestStatus } from '@/db/access-schema';

/**
 * A tiny in-process publish/subscribe for live updates (approval badge, request state, the
 * gateway ending sessions when a grant ends). It lives on globalThis because Next.js bundles
 * route code apart from server/, and both must share one bus. With DATABASE_URL set,
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

export type PortholeEvent = AccessEvent;
export type EventListener = (event: PortholeEvent) => void;

type Bus = { origin: string; listeners: Set<EventListener>; relay?: (event: PortholeEvent) => void };

const globalForBus = globalThis as unknown as { __portholeEventBus?: Bus };
const bus = (): Bus => (globalForBus.__portholeEventBus ??= { origin: randomUUID(), listeners: new Set() });

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
      console.error('[porthole] event listener failed:', error);
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

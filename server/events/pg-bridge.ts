import pg from 'pg';
import { z } from 'zod';
import { REQUEST_STATUSES } from '@/db/access-schema';
import { SESSION_STATUSES } from '@/db/schema';
import { SQL_REVIEW_STATUSES } from '@/db/sql-schema';
import { busOrigin, CACHE_SCOPES, emitLocal, setRelay, TERMINATION_REASONS } from './event-bus';
import { log } from '../log/logger';

const CHANNEL = 'porthole_events';

const accessEvent = z.object({
  type: z.literal('access'),
  requestId: z.uuid(),
  resourceId: z.uuid(),
  requesterId: z.uuid(),
  status: z.enum(REQUEST_STATUSES),
  grantId: z.uuid().optional(),
  grantExpiresAt: z.string().optional(),
});

const sqlReviewEvent = z.object({
  type: z.literal('sql_review'),
  reviewId: z.uuid(),
  resourceId: z.uuid().nullable(),
  requesterId: z.uuid(),
  status: z.enum(SQL_REVIEW_STATUSES),
});

const sessionTerminateEvent = z.object({
  type: z.literal('session.terminate'),
  selector: z.union([z.strictObject({ userId: z.uuid() }), z.strictObject({ resourceId: z.uuid() }), z.strictObject({ sessionId: z.uuid() })]),
  reason: z.enum(TERMINATION_REASONS),
  message: z.string().max(1000),
});

const sessionWatchEvent = z.object({
  type: z.literal('session.watch'),
  sessionId: z.uuid(),
  watchId: z.uuid(),
  watcherName: z.string().max(200),
  isWatching: z.boolean(),
});

const sessionChangeEvent = z.object({ type: z.literal('session.change'), sessionId: z.uuid(), userId: z.uuid(), status: z.enum(SESSION_STATUSES) });

const cacheInvalidateEvent = z.object({ type: z.literal('cache.invalidate'), scope: z.enum(CACHE_SCOPES) });

const notification = z.object({
  origin: z.string(),
  event: z.discriminatedUnion('type', [accessEvent, sqlReviewEvent, sessionTerminateEvent, sessionWatchEvent, sessionChangeEvent, cacheInvalidateEvent]),
});

/**
 * Relays bus events between replicas sharing one PostgreSQL: publish() also NOTIFYs, and a
 * dedicated LISTEN connection re-emits other replicas' events here. Reconnects with a delay
 * if the connection drops. `ready` resolves once the first LISTEN is in place.
 */
export function startPgEventBridge(url: string): { ready: Promise<void>; stop: () => Promise<void> } {
  let client: pg.Client | undefined;
  let isStopped = false;
  let retry: NodeJS.Timeout | undefined;
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const connect = async () => {
    const next = new pg.Client({ connectionString: url });
    next.on('error', (error) => {
      log().error({ err: error }, 'event bridge connection lost');
      if (client === next) client = undefined;
      void next.end().catch(() => undefined);
      if (!isStopped) retry = setTimeout(() => void connect(), 2_000);
    });
    next.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        const parsed = notification.parse(JSON.parse(message.payload));
        if (parsed.origin !== busOrigin()) emitLocal(parsed.event);
      } catch {
        // Not ours, or from an incompatible version: ignore.
      }
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
      client = next;
      // Changes other replicas announced while this connection was down never arrive: drop
      // every cached row rather than serve one that may have been revoked meanwhile.
      for (const scope of CACHE_SCOPES) emitLocal({ type: 'cache.invalidate', scope });
      markReady();
    } catch (error) {
      log().error({ err: error }, 'event bridge cannot connect');
      void next.end().catch(() => undefined);
      if (!isStopped) retry = setTimeout(() => void connect(), 2_000);
    }
  };

  setRelay((event) => {
    const payload = JSON.stringify({ origin: busOrigin(), event });
    client?.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).catch((error: unknown) => {
      log().error({ err: error }, 'event bridge notify failed');
    });
  });
  void connect();

  return {
    ready,
    stop: async () => {
      isStopped = true;
      clearTimeout(retry);
      setRelay(undefined);
      await client?.end().catch(() => undefined);
    },
  };
}

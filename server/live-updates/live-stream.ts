import { countApprovalsInbox } from '../access/list-approvals-inbox';
import { canSeeAll, type Actor } from '../actor/actor';
import { countPendingSqlReviews } from '../sql/reviews/list-sql-reviews';
import { subscribe, type AccessEvent } from '../events/event-bus';
import { log } from '../log/logger';

/** Keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 20_000;
/** The browser's EventSource reconnects by itself; reconnecting re-checks the sign-in. */
const MAX_LIFETIME_MS = 5 * 60_000;
/** Bursts of events (the expiry job, many approvals) cost one count query. */
const COALESCE_MS = 150;

/**
 * Server-sent events for one signed-in user (here, above access/ and sql/ whose inboxes it
 * counts; events/ below them only carries the events):
 * - `inbox` `{ count }`: how many requests and statement reviews await their decision (at start
 *   and on changes);
 * - `request` `{ requestId, resourceId, status, grantExpiresAt? }`: one of their own requests changed;
 * - `session` `{ sessionId, status }`: a session they may see (their own; everyone's for
 *   auditors and admins) opened or ended.
 */
export function openLiveStream({ actor, signal }: { actor: Pick<Actor, 'id' | 'roles'>; signal: AbortSignal }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let isClosed = false;
      let countTimer: NodeJS.Timeout | undefined;
      let lastCount: number | undefined;
      const send = (event: string, data: unknown) => {
        if (!isClosed) controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      };
      const sendCount = () => {
        countTimer = undefined;
        Promise.all([countApprovalsInbox({ actor }), countPendingSqlReviews({ actor })])
          .then(([requests, reviews]) => {
            const count = requests + reviews;
            // `changed` tells an open inbox to reload even when the number stays the same.
            send('inbox', { count, changed: lastCount !== undefined });
            lastCount = count;
          })
          .catch((error: unknown) => log().error({ err: error }, 'live inbox count failed'));
      };
      const onEvent = (event: AccessEvent) => {
        if (event.requesterId === actor.id) {
          send('request', { requestId: event.requestId, resourceId: event.resourceId, status: event.status, grantExpiresAt: event.grantExpiresAt ?? null });
        }
        countTimer ??= setTimeout(sendCount, COALESCE_MS);
      };
      const unsubscribe = subscribe((event) => {
        if (event.type === 'access') onEvent(event);
        else if (event.type === 'sql_review') countTimer ??= setTimeout(sendCount, COALESCE_MS);
        else if (event.type === 'session.change' && (event.userId === actor.id || canSeeAll(actor)))
          send('session', { sessionId: event.sessionId, status: event.status });
      });
      const heartbeat = setInterval(() => !isClosed && controller.enqueue(encoder.encode(': ping\n\n')), HEARTBEAT_MS);
      const lifetime = setTimeout(() => close(), MAX_LIFETIME_MS);
      const close = () => {
        if (isClosed) return;
        isClosed = true;
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        clearTimeout(countTimer);
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      cleanup = close;
      signal.addEventListener('abort', close, { once: true });
      controller.enqueue(encoder.encode('retry: 3000\n\n'));
      sendCount();
    },
    cancel() {
      cleanup();
    },
  });
}

import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { recordAuditEvent } from '../audit/record-audit-event';
import { publish } from '../events/event-bus';
import { proxyWatch } from '../replicas/proxy-watch';
import { authorizeWatch } from './authorize-watch';
import { trackWatch } from './watcher-access';
import { MAX_INBOUND_FRAME_BYTES } from './protocol';
import { rejectUpgrade, type UpgradeHandler } from '../http/upgrade-router';
import { log } from '../log/logger';

const globalForWatch = globalThis as unknown as { __portholeWatchWss?: WebSocketServer };
const watchWss = () =>
  (globalForWatch.__portholeWatchWss ??= new WebSocketServer({
    noServer: true,
    maxPayload: MAX_INBOUND_FRAME_BYTES,
    perMessageDeflate: false,
    clientTracking: false,
  }));

function audit(action: 'session.watch.start' | 'session.watch.end', actorId: string, sessionId: string, watchId: string): void {
  recordAuditEvent({ actorId, action, targetType: 'session', targetId: sessionId, data: { watchId } }).catch((error: unknown) =>
    log().error({ sessionId, err: error }, `cannot audit ${action}`),
  );
}

async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, sessionId: string): Promise<void> {
  let decision;
  try {
    decision = await authorizeWatch(req, sessionId);
  } catch (error) {
    log().error({ err: error }, 'watch refused, database unavailable');
    return rejectUpgrade(socket, 503, 'Service Unavailable');
  }
  if (!decision.isAllowed) return rejectUpgrade(socket, decision.status, decision.reason);
  if ('remote' in decision) {
    const accept = (onSocket: (ws: WebSocket) => void) => watchWss().handleUpgrade(req, socket, head, onSocket);
    return proxyWatch({ req, socket, accept, reject: (status, reason) => rejectUpgrade(socket, status, reason), sessionId, ...decision.remote });
  }
  const { watcher, credential, live } = decision;
  const watchId = randomUUID();
  const watcherName = watcher.name || watcher.email;
  const openedAt = new Date();
  watchWss().handleUpgrade(req, socket, head, (ws) => {
    audit('session.watch.start', watcher.id, sessionId, watchId);
    publish({ type: 'session.watch', sessionId, watchId, watcherName, isWatching: true });
    // Cut off if the watcher loses the right to watch while it runs (watcher-access.ts).
    const untrack = trackWatch(watchId, { ...credential, openedAt, ws });
    live.watch.add({ id: watchId, name: watcherName }, ws, () => {
      untrack();
      publish({ type: 'session.watch', sessionId, watchId, watcherName, isWatching: false });
      audit('session.watch.end', watcher.id, sessionId, watchId);
    });
  });
}

/** The upgrade handler for `/ws/sessions/:id/watch`: a read-only view of a live terminal, SQL console or HTTP console. */
export const handleWatchUpgrade: UpgradeHandler = (req, socket, head, params) => {
  upgrade(req, socket, head, params.id ?? '').catch((error: unknown) => {
    log().error({ err: error }, 'watch upgrade failed');
    rejectUpgrade(socket, 500, 'Internal Server Error');
  });
};

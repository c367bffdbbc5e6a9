import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, type RawData } from 'ws';
import { log } from '../log/logger';
import { INTERNAL_WATCH_HEADER } from './internal-watch-token';

/** Output queued towards the watcher past which this replica stops reading from the session's. */
const WATCHER_BACKLOG_BYTES = 1024 * 1024;
const DRAIN_CHECK_MS = 50;
/** Close codes a peer may not send (they only report what happened locally). */
const RESERVED_CLOSE_CODES = new Set([1005, 1006, 1015]);

export type ProxiedWatch = {
  req: IncomingMessage;
  socket: Duplex;
  /** Completes the watcher's upgrade on this replica. */
  accept: (onSocket: (ws: WebSocket) => void) => void;
  reject: (status: number, reason: string) => void;
  sessionId: string;
  internalUrl: string;
  token: string;
};

/**
 * A watch that landed on this replica for a session another replica relays: it is opened
 * there (which shows the banner, audits, and sends the screen then the masked stream) and the
 * frames are passed through. The watcher's upgrade completes only once the other side has
 * accepted, so a refusal there is the same HTTP refusal here. When the watcher reads slowly,
 * this replica stops reading from the other: the backlog lands in the relaying replica's
 * watch buffer, which drops and resyncs the watcher without ever slowing the session.
 */
export function proxyWatch({ socket, accept, reject, sessionId, internalUrl, token }: ProxiedWatch): void {
  const target = new URL(`/ws/sessions/${encodeURIComponent(sessionId)}/watch`, internalUrl);
  target.protocol = target.protocol === 'https:' ? 'wss:' : 'ws:';
  const upstream = new WebSocket(target, { headers: { [INTERNAL_WATCH_HEADER]: token }, perMessageDeflate: false, handshakeTimeout: 10_000 });
  let isOpen = false;
  upstream.once('unexpected-response', (_request, response) => {
    reject(response.statusCode === 409 || response.statusCode === 404 ? response.statusCode : 502, response.statusMessage || 'Bad Gateway');
    upstream.terminate();
  });
  upstream.on('error', (error) => {
    if (isOpen) return;
    log().warn({ sessionId, err: error }, 'cannot reach the replica relaying a watched session');
    reject(502, 'Bad Gateway');
  });
  socket.once('close', () => !isOpen && upstream.terminate());
  upstream.once('open', () => {
    isOpen = true;
    accept((watcher) => pipe(watcher, upstream));
  });
}

const globalForProxied = globalThis as unknown as { __portholeProxiedWatches?: Set<WebSocket> };
const proxied = () => (globalForProxied.__portholeProxiedWatches ??= new Set());

/** Shutdown: watchers proxied through this replica are told it goes away (they reconnect through another). */
export function closeProxiedWatches(): void {
  for (const watcher of proxied()) watcher.close(1001, 'server restarting');
}

function pipe(watcher: WebSocket, upstream: WebSocket): void {
  proxied().add(watcher);
  let drainCheck: NodeJS.Timeout | undefined;
  const waitForRoom = () => {
    if (watcher.readyState !== WebSocket.OPEN) return;
    if (watcher.bufferedAmount > WATCHER_BACKLOG_BYTES / 4) return void (drainCheck = setTimeout(waitForRoom, DRAIN_CHECK_MS));
    upstream.resume();
  };
  upstream.on('message', (data: RawData, isBinary) => {
    if (watcher.readyState !== WebSocket.OPEN) return;
    watcher.send(data, { binary: isBinary });
    if (watcher.bufferedAmount > WATCHER_BACKLOG_BYTES && !upstream.isPaused) {
      upstream.pause();
      drainCheck = setTimeout(waitForRoom, DRAIN_CHECK_MS);
    }
  });
  // Whatever the watcher sends goes on, so the relaying replica answers it (watching is read-only there).
  watcher.on('message', (data: RawData, isBinary) => {
    if (upstream.readyState === WebSocket.OPEN && upstream.bufferedAmount < WATCHER_BACKLOG_BYTES) upstream.send(data, { binary: isBinary });
  });
  upstream.on('close', (code, reason) => {
    clearTimeout(drainCheck);
    if (watcher.readyState === WebSocket.OPEN) watcher.close(RESERVED_CLOSE_CODES.has(code) ? 1011 : code, reason);
  });
  watcher.on('close', () => {
    proxied().delete(watcher);
    clearTimeout(drainCheck);
    if (upstream.readyState === WebSocket.OPEN || upstream.readyState === WebSocket.CONNECTING) upstream.close();
  });
  upstream.on('error', () => watcher.terminate());
  watcher.on('error', () => upstream.terminate());
}

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { log } from '../log/logger';
import { tallies, type SessionType } from '../metrics/tallies';
import { endSession } from '../sessions/end-session';
import { authorizeUpgrade } from './authorize-upgrade';
import { connectTerminal, type ConnectTerminal } from './connect-terminal';
import { endSessionsOnEvent } from './end-sessions-on-event';
import { createPipelineSlots } from './pipeline-slots';
import { MAX_INBOUND_FRAME_BYTES } from './protocol';
import { isSqlResource, upgradeSqlSession } from './sql-upgrade';
import { isHttpResource, upgradeHttpSession } from './http-upgrade';
import { TerminalSession } from './terminal-session';
import { terminalSizeFromUrl } from './terminal-size';
import { rejectUpgrade, type UpgradeHandler } from '../http/upgrade-router';
import { handleWatchUpgrade } from './watch-upgrade';

/** Cheap checks `ws` would make anyway, done first so a bad handshake never starts a session. */
function isWebSocketHandshake(req: IncomingMessage): boolean {
  const key = req.headers['sec-websocket-key'];
  return (
    req.method === 'GET' &&
    req.headers.upgrade?.toLowerCase() === 'websocket' &&
    typeof key === 'string' &&
    /^[+/0-9A-Za-z]{22}==$/.test(key) &&
    (req.headers['sec-websocket-version'] === '13' || req.headers['sec-websocket-version'] === '8')
  );
}

/** The upgrade handler for `/ws/sessions/:id`: authorize, then hand the socket to a TerminalSession. */
export type SessionGateway = {
  handleUpgrade: UpgradeHandler;
  /** `/ws/sessions/:id/watch`: an auditor's or admin's read-only view of a live terminal. */
  handleWatchUpgrade: UpgradeHandler;
  /** Ends every live session (reason terminated) and resolves once their ends are recorded. */
  close: (message?: string) => Promise<void>;
  /** Resolves once every session that is closing has recorded its end (tests). */
  idle: () => Promise<void>;
};

export function createSessionGateway({ connect = connectTerminal }: { connect?: ConnectTerminal } = {}): SessionGateway {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_INBOUND_FRAME_BYTES, perMessageDeflate: false, clientTracking: false });
  const running = new Set<{ finished: Promise<void>; terminate(message: string): void }>();
  const track = (session: { id: string; finished: Promise<void>; terminate(message: string): void }, type: SessionType) => {
    running.add(session);
    tallies().liveSessions[type] += 1;
    void session.finished.then(() => {
      running.delete(session);
      tallies().liveSessions[type] -= 1;
      tallies().heldBytes.delete(session.id);
    });
  };
  const stopEnding = endSessionsOnEvent();

  const upgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer, sessionId: string) => {
    if (!isWebSocketHandshake(req)) return rejectUpgrade(socket, 400, 'Bad Request');
    let decision;
    try {
      decision = await authorizeUpgrade(req, sessionId);
    } catch (error) {
      log().error({ sessionId, err: error }, 'upgrade refused: database unavailable');
      return rejectUpgrade(socket, 503, 'Service Unavailable');
    }
    if (!decision.isAllowed) return rejectUpgrade(socket, decision.status, decision.reason);
    const { session, resource, grantExpiresAt } = decision;
    let isOpened = false;
    // The session is active now: if the browser vanished before the handshake completes, end it.
    socket.once('close', () => {
      if (isOpened) return;
      tallies().heldBytes.delete(sessionId);
      void endSession({ sessionId, reason: 'error', message: 'The browser left before the terminal opened.', bytesIn: 0, bytesOut: 0 }).catch(() => undefined);
    });
    if (isSqlResource(resource)) {
      return upgradeSqlSession(req, socket, head, { session, resource, grantExpiresAt }, (sqlSession) => {
        isOpened = true;
        track(sqlSession.relay, 'sql');
      });
    }
    if (isHttpResource(resource)) {
      return upgradeHttpSession(req, socket, head, { session, resource, grantExpiresAt }, (httpSession) => {
        isOpened = true;
        track(httpSession.relay, 'http');
      });
    }
    const size = terminalSizeFromUrl(new URL(req.url ?? '/', 'http://localhost'));
    const slots = await createPipelineSlots({ sessionId, userId: session.userId, resourceId: resource.id, size });
    wss.handleUpgrade(req, socket, head, (ws) => {
      isOpened = true;
      const terminal = new TerminalSession({ ws, session, resource, size, slots, connect, grantExpiresAt });
      track(terminal.relay, 'terminal');
      void terminal.start();
    });
  };

  return {
    handleUpgrade: (req, socket, head, params) => {
      upgrade(req, socket, head, params.id ?? '').catch((error: unknown) => {
        log().error({ sessionId: params.id, err: error }, 'upgrade failed');
        rejectUpgrade(socket, 500, 'Internal Server Error');
      });
    },
    handleWatchUpgrade: (req, socket, head, params) => {
      if (!isWebSocketHandshake(req)) return rejectUpgrade(socket, 400, 'Bad Request');
      handleWatchUpgrade(req, socket, head, params);
    },
    close: async (message = 'Porthole is shutting down.') => {
      stopEnding();
      wss.close();
      const all = [...running];
      for (const terminal of all) terminal.terminate(message);
      await Promise.all(all.map((terminal) => terminal.finished));
    },
    idle: async () => {
      await Promise.all([...running].map((terminal) => terminal.finished));
    },
  };
}

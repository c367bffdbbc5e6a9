import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Resource, Session } from '@/db/schema';
import { MAX_HTTP_FRAME_BYTES } from '@/lib/protocol/http-protocol';
import { HttpSession } from './http-session';

/** HTTP API resources open the HTTP console on the session socket instead of a terminal. */
export function isHttpResource(resource: Pick<Resource, 'type'>): boolean {
  return resource.type === 'http';
}

// A request with its body is larger than a keystroke: the console's sockets accept bigger frames.
const globalForHttp = globalThis as unknown as { __portholeHttpWss?: WebSocketServer };
const httpWss = () =>
  (globalForHttp.__portholeHttpWss ??= new WebSocketServer({
    noServer: true,
    maxPayload: MAX_HTTP_FRAME_BYTES,
    perMessageDeflate: false,
    clientTracking: false,
  }));

/** Completes an authorized upgrade and starts the console on it. */
export function upgradeHttpSession(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  { session, resource, grantExpiresAt }: { session: Session; resource: Resource; grantExpiresAt: Date | null },
  onOpen: (httpSession: HttpSession) => void,
): void {
  httpWss().handleUpgrade(req, socket, head, (ws) => {
    const httpSession = new HttpSession({ ws, session, resource, grantExpiresAt });
    onOpen(httpSession);
    void httpSession.start();
  });
}

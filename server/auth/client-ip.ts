import type { IncomingMessage } from 'node:http';

/**
 * The custom server overwrites this header with the socket's address on every request, so
 * route code can rate-limit by client IP without trusting a header a client could send.
 */
export const CLIENT_IP_HEADER = 'x-porthole-client-ip';

export function stampClientIp(req: IncomingMessage): void {
  req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? 'unknown';
}

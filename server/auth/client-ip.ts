import type { IncomingMessage } from 'node:http';
import { env } from '../env';
import { clientAddress } from '@/lib/net/client-address';

/**
 * The custom server overwrites this header with the client's address on every request, so
 * route code can rate-limit by client IP without trusting a header a client could send.
 */
export const CLIENT_IP_HEADER = 'x-porthole-client-ip';

/** The address (see clientAddress: the socket's, or a trusted proxy's X-Forwarded-For) on the request. */
export function stampClientIp(req: IncomingMessage): string {
  const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], env().trustedProxies);
  req.headers[CLIENT_IP_HEADER] = address;
  return address;
}

import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { log } from '../log/logger';
import { metrics } from './registry';

/** Equal-length digests, so the comparison takes the same time whatever the guess. */
function isSameToken(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/**
 * Answers a /metrics request. `token` set: only with `Authorization: Bearer <token>` (401
 * otherwise). `isOpen`: the dedicated metrics listener with no token configured.
 * Neither: 404, as if there were no such page (fail closed).
 */
export function serveMetrics(req: IncomingMessage, res: ServerResponse, access: { token?: string; isOpen: boolean }): void {
  const headers = { 'cache-control': 'no-store' };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, allow: 'GET, HEAD' }).end();
    return;
  }
  if (access.token) {
    const given = bearerToken(req);
    if (!given || !isSameToken(given, access.token)) {
      res.writeHead(401, { ...headers, 'www-authenticate': 'Bearer realm="metrics"', 'content-type': 'text/plain' }).end('Unauthorized\n');
      return;
    }
  } else if (!access.isOpen) {
    res.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('Not Found\n');
    return;
  }
  const { registry } = metrics();
  registry.metrics().then(
    (text) => res.writeHead(200, { ...headers, 'content-type': registry.contentType }).end(req.method === 'HEAD' ? undefined : text),
    (error: unknown) => {
      log().error({ err: error }, 'metrics collection failed');
      res.writeHead(500, headers).end();
    },
  );
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { env } from '../env';
import { serveHealth } from '../health/serve-health';
import { serveMetrics } from '../metrics/serve-metrics';

/**
 * Health and metrics are answered by the custom server before Next.js sees the request:
 * they must answer while Next is still preparing or busy rendering, cost no proxy.ts run
 * (CSP nonce, same-origin check) and no session lookup, and /metrics must not be a page
 * anyone can reach through the app's routing. Returns false for every other request.
 */
export function handleOpsRequest(req: IncomingMessage, res: ServerResponse): boolean {
  const pathname = (req.url ?? '/').split('?', 1)[0];
  if (pathname === '/api/health/live') serveHealth(req, res, 'live');
  else if (pathname === '/api/health/ready') serveHealth(req, res, 'ready');
  // On the main port only with a token; PORTHOLE_METRICS_PORT alone serves it on its own listener.
  else if (pathname === '/metrics') serveMetrics(req, res, { token: env().metrics.token, isOpen: false });
  else return false;
  return true;
}

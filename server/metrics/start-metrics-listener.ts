import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { env } from '../env';
import { log } from '../log/logger';
import { serveMetrics } from './serve-metrics';

/**
 * PORTHOLE_METRICS_PORT: /metrics on a listener of its own (127.0.0.1 unless
 * PORTHOLE_METRICS_HOST), for a scraper on the host or a sidecar; it answers nothing else.
 * Returns undefined when no port is configured.
 */
export async function startMetricsListener(): Promise<http.Server | undefined> {
  const { port, host, token } = env().metrics;
  if (port === undefined) return undefined;
  const server = http.createServer((req, res) => {
    if ((req.url ?? '/').split('?', 1)[0] === '/metrics') serveMetrics(req, res, { token, isOpen: true });
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  log().info({ host: address.address, port: address.port }, 'metrics listener started');
  return server;
}

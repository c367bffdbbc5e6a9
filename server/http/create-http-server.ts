import http from 'node:http';
import type { Duplex } from 'node:stream';
import { CLIENT_IP_HEADER, stampClientIp } from '../auth/client-ip';
import { rejectUpgrade } from './upgrade-router';
import { isDraining, RESTARTING_MESSAGE } from '../lifecycle/draining';
import { log } from '../log/logger';
import { requestContext, requestIdFrom } from '../log/request-context';
import { handleOpsRequest } from './ops-routes';
import type { HttpProxy } from './proxy/http-proxy';
import { isProxyPath } from './proxy/proxy-path';
import { refuseProxyUpgrade } from './proxy/refuse-proxy-upgrade';

export type HttpHandlers = {
  /** Next.js's request handler (pages, routes, actions). */
  handleRequest: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
  /** WebSocket upgrades under /ws/ (the gateway's router). */
  handleSocketUpgrade: (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** Any other upgrade (dev-mode HMR); undefined: refused. */
  handleOtherUpgrade?: (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** The HTTP API proxy (/proxy/{resourceId}/…), served before Next.js; undefined: those paths go to Next.js. */
  proxy?: Pick<HttpProxy, 'handle'>;
};

const OPS_PATHS = new Set(['/api/health/live', '/api/health/ready', '/metrics']);

function logRequest(req: http.IncomingMessage, res: http.ServerResponse, startedAt: bigint): void {
  const path = (req.url ?? '/').split('?', 1)[0];
  const ms = Number(process.hrtime.bigint() - startedAt) / 1e6;
  // Probes come every few seconds: only worth a line when looking closely.
  const level = OPS_PATHS.has(path ?? '') ? 'debug' : 'info';
  log()[level]({ method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10, ip: req.headers[CLIENT_IP_HEADER] }, 'request');
}

/**
 * The HTTP server of one Porthole process, as server/index.ts runs it: health and metrics
 * first, then Next.js; WebSocket upgrades to the gateway, refused while draining. Every
 * request runs with a request id (X-Request-Id), on its log lines and its response.
 */
export function createHttpServer({ handleRequest, handleSocketUpgrade, handleOtherUpgrade, proxy }: HttpHandlers): http.Server {
  const server = http.createServer((req, res) => {
    const reqId = requestIdFrom(req.headers['x-request-id']);
    const startedAt = process.hrtime.bigint();
    res.setHeader('x-request-id', reqId);
    res.once('finish', () => requestContext().run({ reqId }, () => logRequest(req, res, startedAt)));
    requestContext().run({ reqId }, () => {
      stampClientIp(req);
      if (handleOpsRequest(req, res)) return;
      if (proxy && isProxyPath(req.url)) return proxy.handle(req, res);
      handleRequest(req, res).catch((error: unknown) => {
        log().error({ err: error }, 'request failed');
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('Internal Server Error');
      });
    });
  });
  // Node closes an idle keep-alive connection after 5 s; a client or proxy reusing it at that
  // instant gets a reset. Keep idle connections longer than proxies do (nginx, load balancers: 60 s).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const reqId = requestIdFrom(req.headers['x-request-id']);
    requestContext().run({ reqId }, () => {
      if (isProxyPath(req.url)) return refuseProxyUpgrade(socket);
      if (!req.url?.startsWith('/ws/')) {
        if (handleOtherUpgrade) handleOtherUpgrade(req, socket, head);
        else socket.destroy();
        return;
      }
      if (isDraining()) {
        log().info({ path: req.url.split('?', 1)[0] }, 'session refused: draining');
        return rejectUpgrade(socket, 503, RESTARTING_MESSAGE);
      }
      stampClientIp(req);
      handleSocketUpgrade(req, socket, head);
    });
  });
  return server;
}

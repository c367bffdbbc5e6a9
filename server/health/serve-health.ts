import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkReady } from './check-ready';

const HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-store' };

function answer(res: ServerResponse, isOk: boolean, isHead: boolean): void {
  res.writeHead(isOk ? 200 : 503, HEADERS).end(isHead ? undefined : JSON.stringify({ status: isOk ? 'ok' : 'unavailable' }));
}

/**
 * /api/health/live (the process answers) and /api/health/ready (it can serve: database,
 * schema, recording store, not draining). No auth and nothing but the status: which check
 * failed goes to the log, not to whoever asks.
 */
export function serveHealth(req: IncomingMessage, res: ServerResponse, probe: 'live' | 'ready'): void {
  const isHead = req.method === 'HEAD';
  if (req.method !== 'GET' && !isHead) {
    res.writeHead(405, { ...HEADERS, allow: 'GET, HEAD' }).end(JSON.stringify({ status: 'method_not_allowed' }));
    return;
  }
  if (probe === 'live') return answer(res, true, isHead);
  void checkReady().then((failed) => answer(res, failed === undefined, isHead));
}

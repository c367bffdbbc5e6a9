import type { ServerResponse } from 'node:http';
import { ConnectorError } from '../../connectors/connector-error';
import { AppError } from '../../errors/app-error';
import { toAppError } from '../../errors/to-app-error';
import type { ProxySessionEnd } from './proxy-recording';

/** A refusal or failure of the proxy itself (not the upstream's own answer), as the client sees it. */
export class ProxyError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly userMessage: string,
    options: { cause?: unknown } = {},
  ) {
    super(userMessage, options);
    this.name = 'ProxyError';
  }
}

/** A request cut because its session ended under it: the end's message, with a status that fits why. */
export function sessionEndedError(end: ProxySessionEnd): ProxyError {
  return new ProxyError(end.status ?? (end.reason === 'resource_deleted' ? 404 : 403), 'SESSION_ENDED', end.message);
}

/** The client closed its connection: nobody reads the answer, but the recording says so. */
export const CLIENT_GONE = new ProxyError(499, 'CLIENT_CLOSED', 'The client closed the connection before the response was complete.');

/** Connector failures are the upstream's: 504 when it was too slow, 502 otherwise. */
function fromConnector(error: ConnectorError): ProxyError {
  return new ProxyError(error.code === 'timeout' ? 504 : 502, `upstream_${error.code}`, error.userMessage);
}

/** Anything thrown while proxying, as a status and a message fit to show (unknown errors are logged by toAppError). */
export function toProxyError(error: unknown): ProxyError {
  if (error instanceof ProxyError) return error;
  if (error instanceof ConnectorError) return fromConnector(error);
  const appError = error instanceof AppError ? error : toAppError(error);
  return new ProxyError(appError.status, appError.code, appError.userMessage);
}

/**
 * Answers with `{ error: { code, message } }` like the /api/v1 routes, unless the response has
 * started (then the connection is cut: a half-sent upstream body must not look complete).
 */
export function sendProxyError(res: ServerResponse, error: unknown): void {
  const problem = toProxyError(error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ error: { code: problem.code, message: problem.userMessage } });
  const headers: Record<string, string> = { 'content-type': 'application/json', 'cache-control': 'no-store' };
  if (problem.status === 401) headers['www-authenticate'] = 'Bearer realm="porthole"';
  res.writeHead(problem.status, headers);
  res.end(body);
}

import { AppError } from '../../errors/app-error';
import { ConnectorError } from '../connector-error';
import { socketConnectError } from '../socket-errors';

/** A timeout of one phase of a request, named so the message says which. */
export class UpstreamTimeout extends Error {
  constructor(
    readonly phase: 'connect' | 'idle' | 'overall',
    readonly ms: number,
  ) {
    super(`upstream ${phase} timeout after ${ms} ms`);
    this.name = 'UpstreamTimeout';
  }
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** Any failure of an upstream request as one sentence for the engineer (never a stack, never the credential). */
export function upstreamError(error: unknown, url: URL): ConnectorError | AppError {
  if (error instanceof ConnectorError || error instanceof AppError) return error;
  const where = url.host;
  if (error instanceof UpstreamTimeout) {
    const what = {
      connect: `Timed out connecting to ${where} (${seconds(error.ms)}).`,
      idle: `${where} sent nothing for ${seconds(error.ms)}: the request timed out.`,
      overall: `The request to ${where} took longer than ${seconds(error.ms)} and was stopped.`,
    }[error.phase];
    return new ConnectorError('timeout', what, { cause: error });
  }
  if ((error as Error | undefined)?.name === 'AbortError') return new ConnectorError('connection_closed', 'The request was cancelled.', { cause: error });
  if ((error as Error | undefined)?.name === 'RefusedAddressError')
    return new ConnectorError('connect_failed', `Porthole does not connect to ${(error as Error).message}.`, { cause: error });
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const socket = socketConnectError(code, { host: url.hostname, port, service: 'an HTTP server' }, error);
  if (socket) return socket;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_INVALID_CHAR' || code === 'ERR_INVALID_HTTP_TOKEN')
    return new AppError('BAD_REQUEST', { userMessage: 'A header name or value has characters HTTP does not allow.' });
  if (/certificate|self[- ]signed|altnames|SSL|TLS|EPROTO/i.test(`${code ?? ''} ${message}`)) {
    return new ConnectorError('connect_failed', `TLS with ${where} failed: ${message}`, { cause: error });
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || /socket hang up/.test(message)) {
    return new ConnectorError('connection_closed', `${where} closed the connection before answering.`, { cause: error });
  }
  return new ConnectorError('connect_failed', `The request to ${where} failed: ${message}`, { cause: error });
}

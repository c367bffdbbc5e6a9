import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { pipeline } from 'node:stream/promises';
import { checkedLookup, isRefusedLiteral, RefusedAddressError } from '../../net/checked-lookup';
import { resourceAddressCheck } from '../../net/outbound-checks';
import { upstreamError, UpstreamTimeout } from './http-errors';
import type { HttpTarget, UpstreamRequest, UpstreamResponse } from './http-target';
import { outboundHeaders } from './upstream-headers';
import { upstreamUrl } from './upstream-url';

export const CONNECT_TIMEOUT_MS = 10_000;
/** No byte from the upstream for this long (the response headers, or a stalled body): the request fails. */
export const IDLE_TIMEOUT_MS = 30_000;

/** Kept-alive connections per upstream, as a browser would (the proxy's latency budget is 2 ms). */
const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 32 }), https: new https.Agent({ keepAlive: true, maxSockets: 32 }) };

export type UpstreamTimeouts = { connectMs?: number; idleMs?: number };

function tlsOptions(target: HttpTarget, url: URL): https.RequestOptions {
  if (url.protocol !== 'https:') return {};
  // `disable` on an https:// base URL still encrypts; it skips the certificate check like `require`.
  if (target.tls.mode !== 'verify-full') return { rejectUnauthorized: false };
  return { rejectUnauthorized: true, ca: target.tls.ca || undefined };
}

/** Fails the request with a named timeout if the socket does not connect in time. */
function watchConnect(request: http.ClientRequest, connectMs: number): void {
  request.once('socket', (socket) => {
    if (!socket.connecting) return;
    const timer = setTimeout(() => request.destroy(new UpstreamTimeout('connect', connectMs)), connectMs);
    socket.once(socket instanceof tls.TLSSocket ? 'secureConnect' : 'connect', () => clearTimeout(timer));
    socket.once('close', () => clearTimeout(timer));
  });
}

/**
 * Sends one request to the upstream with the credential injected and returns its answer as a
 * stream. Redirects are returned as they are, never followed (a 3xx to another host would
 * carry the credential there; same-origin redirects are not followed either). The socket
 * connects only to addresses the outbound check passed. The caller reads `body` or destroys it.
 */
export async function openUpstream(target: HttpTarget, request: UpstreamRequest, timeouts: UpstreamTimeouts = {}): Promise<UpstreamResponse> {
  const url = upstreamUrl(target.baseUrl, request.path, request.query);
  const check = resourceAddressCheck();
  try {
    // Node never calls `lookup` for an IP literal.
    if (check && isRefusedLiteral(url.hostname, check)) throw new RefusedAddressError(`${url.hostname} is ${check.reason}`);
    return await send(target, url, request, check ? checkedLookup(check) : undefined, timeouts);
  } catch (error) {
    throw upstreamError(error, url);
  }
}

/** The caller's signal, and the overall deadline as an abort whose reason says so (it also stops a body still streaming). */
function deadlineSignal(signal: AbortSignal | undefined, timeoutMs: number | undefined): { signal?: AbortSignal; clear: () => void } {
  if (!timeoutMs) return { signal, clear: () => undefined };
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new UpstreamTimeout('overall', timeoutMs)), timeoutMs);
  return { signal: signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal, clear: () => clearTimeout(timer) };
}

function send(
  target: HttpTarget,
  url: URL,
  { method, headers, body, contentLength, signal: callerSignal, timeoutMs }: UpstreamRequest,
  lookup: ReturnType<typeof checkedLookup> | undefined,
  { connectMs = CONNECT_TIMEOUT_MS, idleMs = IDLE_TIMEOUT_MS }: UpstreamTimeouts,
): Promise<UpstreamResponse> {
  const isHttps = url.protocol === 'https:';
  // Headers as a flat list: Node then adds no Host of its own, and an HTTP/1.1 server answers 400 without one.
  const outgoing = ['host', url.host, ...outboundHeaders(target, headers).flat()];
  // Node checks the body against it: a stream that sends more or fewer bytes fails the request.
  const length = Buffer.isBuffer(body) ? body.length : contentLength;
  if (length !== undefined) outgoing.push('content-length', String(length));
  const { signal, clear } = deadlineSignal(callerSignal, timeoutMs);
  return new Promise<UpstreamResponse>((resolve, reject) => {
    const options: https.RequestOptions = { method, lookup, agent: isHttps ? agents.https : agents.http, signal, ...tlsOptions(target, url) };
    const req = (isHttps ? https : http).request(url, { ...options, headers: outgoing }, (res) => {
      res.setTimeout(idleMs, () => res.destroy(new UpstreamTimeout('idle', idleMs)));
      res.once('close', clear);
      const headerPairs: [string, string][] = [];
      for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) headerPairs.push([res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i + 1]!]);
      resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: headerPairs, body: res });
    });
    req.setTimeout(idleMs, () => req.destroy(new UpstreamTimeout('idle', idleMs)));
    watchConnect(req, connectMs);
    req.once('error', (error) => {
      clear();
      // An abort's own error says only "aborted": the deadline's reason says which.
      reject(signal?.aborted && signal.reason instanceof UpstreamTimeout ? signal.reason : error);
    });
    if (Buffer.isBuffer(body)) req.end(body);
    else pipeline(body, req).catch((error: unknown) => req.destroy(error as Error));
  });
}

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { HttpMethod } from '@/lib/protocol/http-protocol';
import type { HttpTarget, UpstreamResponse } from '../../connectors/http/http-target';
import { openUpstream } from '../../connectors/http/open-upstream';
import { upstreamUrl } from '../../connectors/http/upstream-url';
import { credentialForms } from '../../connectors/http/upstream-headers';
import { credentialVariants } from '../../masking/http/mask-fields';
import { BodyTap } from './body-tap';
import { downstreamResponseHeaders, upstreamRequestHeaders } from './proxy-headers';
import { proxiedLocation } from './proxy-location';
import type { ProxyAddress } from './proxy-path';
import { CLIENT_GONE, toProxyError } from './proxy-errors';
import type { ProxySession } from './proxy-session';
import { RedactSecrets, redactText } from './redact-secrets';

export type Exchange = {
  req: IncomingMessage;
  res: ServerResponse;
  method: HttpMethod;
  session: ProxySession;
  target: HttpTarget;
  address: ProxyAddress;
  /** Bytes of each body kept for the recording (the rest is counted and hashed). */
  bodyLimit: number;
};

/** A request without Content-Length or Transfer-Encoding has no body (RFC 9112 §6.3): nothing to stream. */
function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
}

/** The client's declared body length, passed on for a streamed upload (none with Transfer-Encoding, which wins over it). */
function declaredLength(req: IncomingMessage): number | undefined {
  const value = req.headers['content-length'];
  if (req.headers['transfer-encoding'] !== undefined || value === undefined || !/^\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}

/** The upstream's headers as pairs, each value with the credential starred out, a redirect pointed back through the proxy. */
function answerHeadersOf(upstream: UpstreamResponse, secrets: string[], redirect: Parameters<typeof proxiedLocation>[1]): [string, string][] {
  return upstream.headers.map(([name, value]): [string, string] => {
    const lower = name.toLowerCase();
    const redacted = redactText(value, secrets);
    return [lower, lower === 'location' ? proxiedLocation(redacted, redirect) : redacted];
  });
}

function headerObject(pairs: [string, string][]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of pairs) {
    const existing = out[name];
    out[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return out;
}

/** Cuts the exchange when the session ends under it or the client goes away before the answer is sent. */
function exchangeSignal(res: ServerResponse, sessionSignal: AbortSignal): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort(CLIENT_GONE);
  });
  return AbortSignal.any([sessionSignal, controller.signal]);
}

/**
 * One request relayed to the upstream and its answer back, both bodies streamed (never held
 * whole; backpressure from either side pauses the other) and tapped for the recording: the
 * request is recorded once its body is sent, the answer once it is delivered (or the failure).
 */
export async function relayExchange({ req, res, method, session, target, address, bodyLimit }: Exchange): Promise<void> {
  const { signal: sessionSignal, done } = session.begin();
  const startedAt = performance.now();
  const elapsed = () => performance.now() - startedAt;
  const url = address.query ? `${address.path}?${address.query}` : address.path;
  const headers = upstreamRequestHeaders(req.headers);
  const requestTap = new BodyTap(bodyLimit);
  const signal = exchangeSignal(res, sessionSignal);
  const sent = { id: randomUUID(), at: new Date(), method, url, headers };
  let recorded: ReturnType<ProxySession['recording']['request']> | null = null;
  const recordRequest = () => {
    if (recorded !== null) return recorded;
    session.count('in', requestTap.tapped().size);
    recorded = session.recording.request(target, { ...sent, body: requestTap.tapped() });
    return recorded;
  };
  let body: Readable | Buffer = Buffer.alloc(0);
  if (hasBody(req)) {
    body = requestTap;
    requestTap.once('finish', recordRequest);
    // The upstream request reads the tap; a client that aborts its upload errors both.
    pipeline(req, requestTap).catch(() => undefined);
  } else recordRequest();
  try {
    const query = [...new URLSearchParams(address.query)];
    const contentLength = body === requestTap ? declaredLength(req) : undefined;
    const upstream = await openUpstream(target, { method, path: address.path, query, headers, body, contentLength, signal });
    const secrets = credentialVariants(credentialForms(target));
    const requestUrl = upstreamUrl(target.baseUrl, address.path, query);
    const answerHeaders = answerHeadersOf(upstream, secrets, { baseUrl: target.baseUrl, requestUrl, resourceId: address.resourceId });
    const responseTap = new BodyTap(bodyLimit);
    // Sent with the first body bytes (one write, not two): a profile showed the separate flush as a syscall per request.
    res.writeHead(upstream.status, upstream.statusText, downstreamResponseHeaders(headerObject(answerHeaders)));
    // The tap sees what the client gets: the credential starred out there too.
    await pipeline(upstream.body, new RedactSecrets(secrets), responseTap, res, { signal });
    const tapped = responseTap.tapped();
    session.count('out', tapped.size);
    const request = recordRequest();
    const result = { status: upstream.status, statusText: upstream.statusText, headers: answerHeaders, body: tapped, durationMs: elapsed() };
    if (request) session.recording.answer(target, request, { result });
  } catch (error) {
    const failure = toProxyError(signal.aborted ? (signal.reason ?? error) : error);
    const request = recordRequest();
    if (request) session.recording.answer(target, request, { error: failure.userMessage, durationMs: elapsed() });
    throw failure;
  } finally {
    done();
  }
}

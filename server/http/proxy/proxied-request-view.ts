import type { HttpExchangeView } from '@/lib/protocol/http-protocol';
import type { HttpTarget } from '../../connectors/http/http-target';
import { outboundHeaders } from '../../connectors/http/upstream-headers';
import type { HttpMasker } from '../../masking/http/mask-exchange';
import type { ProxiedRequest } from './proxy-recording';

/**
 * A proxied request as recorded: the headers as sent upstream (the client's, filtered, with the
 * credential injected and shown as injected), the body as streamed (its first bytes, size and
 * hash), everything through the session's masker. The console builds the same view from a
 * request it holds whole (recording/http); the proxy's body was streamed, so it comes tapped.
 */
export function proxiedRequestView(masker: HttpMasker, target: HttpTarget, request: ProxiedRequest, t: number): HttpExchangeView {
  const sent = outboundHeaders(target, request.headers);
  const contentType = sent.find(([name]) => name === 'content-type')?.[1] ?? '';
  const { body } = request;
  return {
    id: request.id,
    at: request.at.toISOString(),
    t,
    request: {
      method: request.method,
      url: masker.url(request.url),
      headers: masker.headers(sent, { isRequest: true }),
      body: masker.body({ head: body.head, size: body.size, isTruncated: body.isTruncated, contentType }),
      bodySize: body.size,
      truncated: body.isTruncated,
      bodySha256: body.isTruncated ? body.sha256 : null,
    },
    response: null,
    error: null,
    durationMs: 0,
  };
}

import type { HttpExchangeView, HttpRequestInput } from '@/lib/protocol/http-protocol';
import type { HttpResult } from '../../connectors/http/send-http-request';
import { keptBody } from '../../connectors/http/send-http-request';
import { outboundHeaders } from '../../connectors/http/upstream-headers';
import { relativeUrl } from '../../connectors/http/upstream-url';
import type { HttpTarget } from '../../connectors/http/http-target';
import type { HttpMasker } from '../../masking/http/mask-exchange';

const headerValue = (headers: readonly (readonly [string, string])[], name: string) => headers.find(([key]) => key.toLowerCase() === name)?.[1] ?? '';

/** The request as sent (client headers filtered, the credential injected), masked by `masker`. */
export function requestView(
  masker: HttpMasker,
  target: HttpTarget,
  request: HttpRequestInput,
  { id, at, t, bodyLimit }: { id: string; at: Date; t: number; bodyLimit: number },
): HttpExchangeView {
  const sent = outboundHeaders(target, request.headers);
  const body = keptBody(Buffer.from(request.body, 'utf8'), bodyLimit);
  return {
    id,
    at: at.toISOString(),
    t,
    request: {
      method: request.method,
      url: masker.url(relativeUrl(request.path, request.query)),
      headers: masker.headers(sent, { isRequest: true }),
      body: masker.body({ head: body.head, size: body.size, isTruncated: body.isTruncated, contentType: headerValue(sent, 'content-type') }),
      bodySize: body.size,
      truncated: body.isTruncated,
      bodySha256: body.isTruncated ? body.sha256 : null,
    },
    response: null,
    error: null,
    durationMs: 0,
  };
}

/** The exchange with its answer, masked by `masker`. */
export function answeredView(
  masker: HttpMasker,
  exchange: HttpExchangeView,
  answer: { result: HttpResult } | { error: string; durationMs: number },
): HttpExchangeView {
  if ('error' in answer) return { ...exchange, error: masker.text(answer.error), durationMs: answer.durationMs };
  const { status, statusText, headers, body, durationMs } = answer.result;
  const contentType = headerValue(headers, 'content-type');
  return {
    ...exchange,
    durationMs,
    response: {
      status,
      statusText: masker.text(statusText),
      headers: masker.headers(headers),
      body: masker.body({ head: body.head, size: body.size, isTruncated: body.isTruncated, contentType }),
      bodySize: body.size,
      truncated: body.isTruncated,
      bodySha256: body.isTruncated ? body.sha256 : null,
      contentType,
    },
  };
}

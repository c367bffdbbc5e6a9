import { createHash } from 'node:crypto';
import type { HttpRequestInput } from '@/lib/protocol/http-protocol';
import type { HttpTarget, UpstreamResponse } from './http-target';
import { upstreamError, UpstreamTimeout } from './http-errors';
import { openUpstream, type UpstreamTimeouts } from './open-upstream';
import { upstreamUrl } from './upstream-url';

/** A body as kept for showing and recording: the first `limit` bytes, and the whole one's size and SHA-256. */
export type KeptBody = { head: Buffer; size: number; sha256: string; isTruncated: boolean };

/** The upstream's answer with its body read (up to the limit kept; the rest counted and hashed, not kept). */
export type HttpResult = Omit<UpstreamResponse, 'body'> & { body: KeptBody; durationMs: number };

export type SendOptions = { bodyLimit: number; timeoutMs: number; signal?: AbortSignal; timeouts?: UpstreamTimeouts };

export function keptBody(whole: Buffer, limit: number): KeptBody {
  return { head: whole.subarray(0, limit), size: whole.length, sha256: createHash('sha256').update(whole).digest('hex'), isTruncated: whole.length > limit };
}

async function readKept(stream: AsyncIterable<Buffer>, limit: number): Promise<KeptBody> {
  const hash = createHash('sha256');
  const kept: Buffer[] = [];
  let keptBytes = 0;
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk);
    size += chunk.length;
    if (keptBytes < limit) {
      const part = chunk.subarray(0, limit - keptBytes);
      kept.push(part);
      keptBytes += part.length;
    }
  }
  return { head: Buffer.concat(kept), size, sha256: hash.digest('hex'), isTruncated: size > limit };
}

/**
 * One request from the HTTP console: the credential injected, the answer read whole but only
 * its first `bodyLimit` bytes kept (a 5 GiB download is counted and hashed, never held).
 * Failures are ConnectorErrors (the upstream's: down, timeout, TLS) or AppErrors (the request's:
 * a path that leaves the base URL), each with a message fit to show.
 */
export async function sendHttpRequest(target: HttpTarget, request: HttpRequestInput, options: SendOptions): Promise<HttpResult> {
  const startedAt = performance.now();
  const url = upstreamUrl(target.baseUrl, request.path, request.query);
  // The overall deadline covers reading the body too, so it is this function's, not openUpstream's.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new UpstreamTimeout('overall', options.timeoutMs)), options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
  const explain = (error: unknown) => upstreamError(deadline.signal.aborted ? deadline.signal.reason : error, url);
  try {
    const body = Buffer.from(request.body, 'utf8');
    const { method, path, query, headers } = request;
    const response = await openUpstream(target, { method, path, query, headers, body, signal }, options.timeouts).catch((error: unknown) => {
      throw explain(error);
    });
    try {
      const kept = await readKept(response.body as AsyncIterable<Buffer>, options.bodyLimit);
      return { status: response.status, statusText: response.statusText, headers: response.headers, body: kept, durationMs: performance.now() - startedAt };
    } catch (error) {
      response.body.destroy();
      throw explain(error);
    }
  } finally {
    clearTimeout(timer);
  }
}

import { z } from 'zod';
import { activeMessage, idleMessage, SESSION_END_REASONS } from './terminal-protocol';

/**
 * Browser ↔ gateway protocol of the HTTP console, on the same /ws/sessions/:id path as the
 * terminal (the session's resource type decides). Every frame is a JSON text frame. Shared by
 * the console and the gateway: keep it free of Node-only imports.
 *
 * The browser sends a request; the gateway injects the resource's credential, sends it, masks
 * the exchange, records it, and only then sends it back as an `exchange`. The browser never
 * sees the credential: the header that carries it is shown as `[injected by Porthole]`.
 */
export { CloseCode, SESSION_END_REASONS, type SessionEndReason } from './terminal-protocol';

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Largest request body the console sends (characters). */
export const MAX_HTTP_REQUEST_BODY_CHARS = 1024 * 1024;
/** Largest frame the browser may send: a request with its body, headers and query. */
export const MAX_HTTP_FRAME_BYTES = 2 * 1024 * 1024;
/** Exchanges one console may have in flight; another `send` gets an `exchange-error`. */
export const MAX_HTTP_IN_FLIGHT = 4;
/** What the console shows in place of the injected credential's header value. */
export const INJECTED_CREDENTIAL = '[injected by Porthole]';

const exchangeId = z.string().min(1).max(64);
const headerPair = z.tuple([z.string().max(256), z.string().max(16_384)]);

export const httpRequestInput = z.object({
  method: z.enum(HTTP_METHODS),
  /** Relative to the resource's base URL; must start with `/` (the gateway refuses `..`, `//host`, absolute URLs). */
  path: z.string().min(1).max(8_192).startsWith('/'),
  query: z.array(z.tuple([z.string().max(1_024), z.string().max(8_192)])).max(200),
  headers: z.array(headerPair).max(100),
  body: z.string().max(MAX_HTTP_REQUEST_BODY_CHARS),
});
export type HttpRequestInput = z.infer<typeof httpRequestInput>;

export const httpClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('send'), id: exchangeId, request: httpRequestInput }),
  z.object({ type: z.literal('cancel'), id: exchangeId }),
  /** The relay's acknowledgement (exchanges are small and bounded: the console may send it or not). */
  z.object({ type: z.literal('ack'), bytes: z.number().int().min(0) }),
  z.object({ type: z.literal('ping') }),
  activeMessage,
]);
export type HttpClientMessage = z.infer<typeof httpClientMessage>;

/** A message body as shown and recorded: masked text, its original size, and whether it was cut. */
const shownBody = {
  /** Masked text; a binary body is `[binary, N bytes]`. */
  body: z.string(),
  /** Bytes of the original body (all of it, also when `truncated`). */
  bodySize: z.number().int().min(0),
  /** Only the first HTTP_BODY_RECORD_LIMIT bytes are shown and recorded. */
  truncated: z.boolean(),
  /** SHA-256 (hex) of the whole original body when `truncated`, else null. */
  bodySha256: z.string().nullable(),
};

export const httpExchangeView = z.object({
  id: z.string(),
  /** When the request was sent (ISO 8601). */
  at: z.string(),
  /** Seconds from the session's start (the replay's timeline). */
  t: z.number(),
  request: z.object({
    method: z.enum(HTTP_METHODS),
    /** Path and query relative to the base URL, masked. */
    url: z.string(),
    /** Masked; the injected credential's header is shown with the value INJECTED_CREDENTIAL. */
    headers: z.array(z.tuple([z.string(), z.string()])),
    ...shownBody,
  }),
  response: z
    .object({
      status: z.number().int(),
      statusText: z.string(),
      headers: z.array(z.tuple([z.string(), z.string()])),
      ...shownBody,
      contentType: z.string(),
    })
    .nullable(),
  /** Why no response came (upstream down, timeout, cancelled); null when one did. */
  error: z.string().nullable(),
  durationMs: z.number(),
});
export type HttpExchangeView = z.infer<typeof httpExchangeView>;

export const httpSessionInfo = z.object({
  resourceName: z.string(),
  /** The upstream base URL requests are relative to (it holds no credential: the form refuses userinfo). */
  baseUrl: z.string(),
  /** How the credential is injected, for "copy as curl"'s placeholder (never the credential). */
  auth: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('bearer') }),
    z.object({ kind: z.literal('basic'), username: z.string() }),
    z.object({ kind: z.literal('header'), name: z.string() }),
    z.object({ kind: z.literal('none') }),
  ]),
  /** Bytes of a body shown and recorded; the rest is cut (its size and SHA-256 are kept). */
  bodyLimit: z.number().int(),
});
export type HttpSessionInfo = z.infer<typeof httpSessionInfo>;

export const httpServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), state: z.enum(['connecting', 'connected']), message: z.string().optional(), info: httpSessionInfo.optional() }),
  /** One request and its response, masked and already recorded. */
  z.object({ type: z.literal('exchange'), id: exchangeId, exchange: httpExchangeView }),
  /** The request got no response (refused, upstream down, timeout, cancelled); recorded like an exchange. */
  z.object({ type: z.literal('exchange-error'), id: exchangeId, message: z.string(), durationMs: z.number() }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
  z.object({ type: z.literal('exit'), reason: z.enum(SESSION_END_REASONS), message: z.string() }),
  z.object({ type: z.literal('pong') }),
  /** Auditors or admins watching the console now; empty when none. */
  z.object({ type: z.literal('watchers'), names: z.array(z.string()) }),
  /** The session runs inside a just-in-time grant that ends at this time (ISO 8601). */
  z.object({ type: z.literal('grant'), expiresAt: z.iso.datetime({ offset: true }) }),
  idleMessage,
]);
export type HttpServerMessage = z.infer<typeof httpServerMessage>;

import { z } from 'zod';
import { HTTP_METHODS, type HttpExchangeView } from '../protocol/http-protocol';

/**
 * HTTP console events inside a session recording. Like SQL events they travel as marker
 * events (`m`) whose text is this JSON, so HTTP sessions share the format, chunking, hash
 * chain and stores. Every field is masked before it is recorded; bodies over the record limit
 * are cut, with the original's size and SHA-256. An exchange is a `request` followed by its
 * `response` or its `error`, paired by `n` (the session's exchange number). Version 1.
 */
export const HTTP_EVENT_VERSION = 1;

const headers = z.array(z.tuple([z.string(), z.string()]));
const body = {
  body: z.string(),
  bodySize: z.number(),
  truncated: z.boolean(),
  bodySha256: z.string().nullable(),
};

export const httpEvent = z.discriminatedUnion('http', [
  /** Sent (or refused) at the event's time; `at` is the same moment as wall-clock time (ISO 8601). */
  z.object({
    v: z.literal(1),
    http: z.literal('request'),
    n: z.number(),
    id: z.string(),
    at: z.string(),
    method: z.enum(HTTP_METHODS),
    url: z.string(),
    headers,
    ...body,
  }),
  z.object({
    v: z.literal(1),
    http: z.literal('response'),
    n: z.number(),
    id: z.string(),
    status: z.number(),
    statusText: z.string(),
    headers,
    ...body,
    contentType: z.string(),
    durationMs: z.number(),
  }),
  /** No response: refused, upstream down, timeout or cancelled. */
  z.object({ v: z.literal(1), http: z.literal('error'), n: z.number(), id: z.string(), message: z.string(), durationMs: z.number() }),
]);
export type HttpEvent = z.infer<typeof httpEvent>;

type OmitVersion<T> = T extends unknown ? Omit<T, 'v'> : never;
export type HttpEventInput = OmitVersion<HttpEvent>;

export function encodeHttpEvent(event: HttpEventInput): string {
  return JSON.stringify({ v: HTTP_EVENT_VERSION, ...event });
}

/** The HTTP event in a marker's text, or undefined for any other marker. */
export function decodeHttpEvent(text: string): HttpEvent | undefined {
  if (!text.startsWith('{"v":')) return undefined;
  try {
    const parsed = httpEvent.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A recording event as the replay and the exports read it: `[t, kind, data]`. */
export type RecordedEvent = readonly [t: number, kind: string, data: string];

/**
 * The exchanges of a recording, in the order they were sent, for the replay, the exports and a
 * watcher. An exchange whose answer is not recorded (the session ended while it was in flight)
 * has neither response nor error.
 */
export function exchangesFromEvents(events: Iterable<RecordedEvent>): HttpExchangeView[] {
  const byNumber = new Map<number, HttpExchangeView>();
  for (const [t, kind, data] of events) {
    if (kind !== 'm') continue;
    const event = decodeHttpEvent(data);
    if (!event) continue;
    if (event.http === 'request') {
      const { method, url, headers, body, bodySize, truncated, bodySha256 } = event;
      const request = { method, url, headers, body, bodySize, truncated, bodySha256 };
      byNumber.set(event.n, { id: event.id, at: event.at, t, request, response: null, error: null, durationMs: 0 });
      continue;
    }
    const exchange = byNumber.get(event.n);
    if (!exchange) continue;
    exchange.durationMs = event.durationMs;
    if (event.http === 'error') {
      exchange.error = event.message;
      continue;
    }
    const { status, statusText, headers, body, bodySize, truncated, bodySha256, contentType } = event;
    exchange.response = { status, statusText, headers, body, bodySize, truncated, bodySha256, contentType };
  }
  return [...byNumber.values()];
}

/** The command-index line of an exchange: `GET /v1/users → 200` (or `→ error`). */
export function exchangeCommandText(exchange: Pick<HttpExchangeView, 'request' | 'response' | 'error'>): string {
  const outcome = exchange.response ? String(exchange.response.status) : 'error';
  return `${exchange.request.method} ${exchange.request.url} → ${outcome}`;
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The request a line is logged for: the custom server runs each HTTP request and upgrade
 * inside it, and the logger adds its id to every line written meanwhile, in route code too.
 */
export type RequestContext = { reqId: string };

const globalForContext = globalThis as unknown as { __portholeRequestContext?: AsyncLocalStorage<RequestContext> };

export function requestContext(): AsyncLocalStorage<RequestContext> {
  globalForContext.__portholeRequestContext ??= new AsyncLocalStorage();
  return globalForContext.__portholeRequestContext;
}

/** A reverse proxy's X-Request-Id when it looks like one (so lines join up across both), else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && /^[A-Za-z0-9._:-]{8,128}$/.test(header) ? header : randomUUID();
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { processSingleton } from '@/lib/process-singleton';

/**
 * The request a line is logged for: the custom server runs each HTTP request and upgrade
 * inside it, and the logger adds its id to every line written meanwhile, in route code too.
 */
export type RequestContext = { reqId: string };

export function requestContext(): AsyncLocalStorage<RequestContext> {
  return processSingleton('requestContext', () => new AsyncLocalStorage<RequestContext>());
}

/** A reverse proxy's X-Request-Id when it looks like one (so lines join up across both), else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && /^[A-Za-z0-9._:-]{8,128}$/.test(header) ? header : randomUUID();
}

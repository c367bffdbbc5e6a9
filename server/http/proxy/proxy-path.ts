/** Where the HTTP proxy listens: `/proxy/{resourceId}/<path relative to the resource's base URL>`. */
export const PROXY_PREFIX = '/proxy/';

/** One proxied request's address: the resource, and the path and raw query sent upstream. */
export type ProxyAddress = { resourceId: string; path: string; query: string };

/** Whether the custom server should hand this request to the proxy (before Next.js sees it). */
export function isProxyPath(url: string | undefined): boolean {
  return url !== undefined && (url.startsWith(PROXY_PREFIX) || url === '/proxy' || url.startsWith('/proxy?'));
}

/**
 * Splits `/proxy/{id}/v1/items?x=1` into the resource id, `/v1/items` and `x=1`. The path and
 * query stay as the client encoded them (the upstream connector refuses escapes from the base
 * URL); undefined when there is no resource id at all.
 */
export function parseProxyPath(url: string): ProxyAddress | undefined {
  const queryAt = url.indexOf('?');
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? '' : url.slice(queryAt + 1);
  const rest = pathname.slice(PROXY_PREFIX.length);
  if (!pathname.startsWith(PROXY_PREFIX) || rest === '') return undefined;
  const slashAt = rest.indexOf('/');
  const resourceId = slashAt === -1 ? rest : rest.slice(0, slashAt);
  const path = slashAt === -1 ? '/' : rest.slice(slashAt);
  return { resourceId, path, query };
}

import { PROXY_PREFIX } from './proxy-path';

/**
 * A redirect's Location as the proxy's client should follow it: a target under the resource's
 * base URL becomes the same place under `/proxy/{resourceId}/` (relative to Porthole's origin),
 * so the client's next request goes through Porthole again, with the credential injected.
 * Anything else (another host, a path outside the base URL, a value that is not a URL) is
 * passed on as the upstream sent it: the client reaches it directly, without the credential.
 */
export function proxiedLocation(location: string, { baseUrl, requestUrl, resourceId }: { baseUrl: string; requestUrl: URL; resourceId: string }): string {
  let target: URL;
  try {
    target = new URL(location, requestUrl);
  } catch {
    return location;
  }
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  if (target.origin !== base.origin || (target.pathname !== basePath && !target.pathname.startsWith(`${basePath}/`))) return location;
  const rest = target.pathname.slice(basePath.length) || '/';
  return `${PROXY_PREFIX}${resourceId}${rest}${target.search}${target.hash}`;
}

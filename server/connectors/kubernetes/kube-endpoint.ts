import net from 'node:net';
import type { LookupFunction } from 'node:net';

/** Everything needed to reach one Kubernetes API server; built right before connecting, never cached. */
export type KubeEndpoint = {
  /** `https://host:port` with an optional path prefix (a proxy in front of the API server). */
  apiUrl: string;
  host: string;
  port: number;
  /** PEM bundle the server's certificate must chain to; absent means the system's CAs. */
  ca?: string;
  token: string;
};

/** The exec target inside the cluster. */
export type KubePodTarget = { namespace: string; pod: string; container: string };

/** An API path under the endpoint's URL (keeping a path prefix such as `/k8s/clusters/c-1`). */
export function apiPath(endpoint: KubeEndpoint, path: string): string {
  const prefix = new URL(endpoint.apiUrl).pathname.replace(/\/+$/, '');
  return `${prefix}${path}`;
}

/**
 * A lookup that answers with the address resolveTargetHost checked: the TLS connection still
 * verifies the certificate against the name (SNI and host name check), but cannot be sent to
 * another address by a second DNS answer.
 */
export function pinnedLookup(address: string): LookupFunction {
  const family = net.isIP(address) || 4;
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as LookupFunction;
}

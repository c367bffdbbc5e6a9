import https from 'node:https';
import { resolveTargetHost } from '../resolve-target-host';
import { apiPath, pinnedLookup, type KubeEndpoint } from './kube-endpoint';
import { kubeSocketError, kubeStatusError } from './kube-errors';

/** Lists of pods in a busy namespace run to a few MiB; more than this is refused, not buffered. */
const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
const REQUEST_TIMEOUT_MS = 15_000;

export type KubeRequest = {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  /** Names the request in an error: "list pods in namespace web". */
  what: string;
};

/** One JSON request to the API server, over TLS verified against the resource's CA, to the checked address. */
export async function kubeRequest<T>(endpoint: KubeEndpoint, request: KubeRequest): Promise<T> {
  const address = await resolveTargetHost({ host: endpoint.host, port: endpoint.port, service: 'a Kubernetes API server' });
  const body = request.body === undefined ? undefined : Buffer.from(JSON.stringify(request.body));
  return new Promise<T>((resolve, reject) => {
    const req = https.request({
      host: endpoint.host,
      port: endpoint.port,
      path: apiPath(endpoint, request.path),
      method: request.method,
      ca: endpoint.ca || undefined,
      rejectUnauthorized: true,
      lookup: pinnedLookup(address),
      timeout: REQUEST_TIMEOUT_MS,
      agent: false,
      headers: {
        authorization: `Bearer ${endpoint.token}`,
        accept: 'application/json',
        ...(body ? { 'content-type': 'application/json', 'content-length': body.length } : {}),
      },
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    req.on('error', (error) => reject(kubeSocketError(error, endpoint)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) req.destroy(new Error(`the answer to ${request.what} is larger than ${MAX_RESPONSE_BYTES} bytes`));
        else chunks.push(chunk);
      });
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) return reject(kubeStatusError(status, request.what, (json as { message?: string } | undefined)?.message));
        if (json === undefined) return reject(kubeStatusError(status, request.what, 'the answer is not JSON'));
        resolve(json as T);
      });
    });
    req.end(body);
  });
}

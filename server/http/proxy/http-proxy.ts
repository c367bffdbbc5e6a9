import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTP_METHODS } from '@/lib/protocol/http-protocol';
import { isUuid } from '@/lib/uuid/is-uuid';
import { CLIENT_IP_HEADER } from '../../auth/client-ip';
import { env } from '../../env';
import { isDraining, RESTARTING_MESSAGE } from '../../lifecycle/draining';
import { findResourceCached } from '../../resources/find-resource';
import { httpTargetFor } from '../../resources/http-target-for-connection';
import { checkResourceAccess } from '../../sessions/check-resource-access';
import { authenticateProxyRequest } from './authenticate-proxy-request';
import { parseProxyPath, PROXY_PREFIX } from './proxy-path';
import { ProxyError, sendProxyError } from './proxy-errors';
import { closeProxySessions, proxySessionFor } from './proxy-sessions';
import { PROXY_IDLE_MS } from './proxy-session';
import { relayExchange } from './relay-exchange';

export type HttpProxy = {
  /** Serves a request under /proxy/ (the custom server checks isProxyPath first). */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Shutdown: ends the proxy sessions and waits for their ends to be written. */
  close(message: string): Promise<void>;
};

export type HttpProxyOptions = { idleMs?: number; bodyLimit?: number };

const NOT_AN_ADDRESS = `Address a resource as ${PROXY_PREFIX}{resourceId}/<path>, with the id shown on the resource's page.`;

/** Whoever may use the resource now, by token only: every refusal comes before anything is sent upstream. */
async function admit(req: IncomingMessage, idleMs: number) {
  if (isDraining()) throw new ProxyError(503, 'UNAVAILABLE', RESTARTING_MESSAGE);
  const address = parseProxyPath(req.url ?? '');
  if (!address || !isUuid(address.resourceId)) throw new ProxyError(404, 'NOT_FOUND', NOT_AN_ADDRESS);
  const method = HTTP_METHODS.find((known) => known === req.method);
  if (!method) throw new ProxyError(405, 'METHOD_NOT_ALLOWED', `The proxy relays ${HTTP_METHODS.join(', ')}; ${req.method} is not relayed.`);
  // Both reads at once (usually from the caches, else one round trip to PostgreSQL, not two);
  // the token decides first, so an unauthenticated caller learns nothing about the resource.
  const [authenticated, found] = await Promise.allSettled([authenticateProxyRequest(req.headers), findResourceCached(address.resourceId)]);
  if (authenticated.status === 'rejected') throw authenticated.reason;
  if (found.status === 'rejected') throw found.reason;
  const [actor, resource] = [authenticated.value, found.value];
  if (!resource) throw new ProxyError(404, 'NOT_FOUND', 'No such resource.');
  if (resource.type !== 'http') throw new ProxyError(404, 'NOT_FOUND', 'This resource is not an HTTP API: the proxy relays only to HTTP API resources.');
  await checkResourceAccess(actor, resource);
  const clientIp = req.headers[CLIENT_IP_HEADER];
  const session = await proxySessionFor({ actor, resource, clientIp: typeof clientIp === 'string' ? clientIp : undefined, idleMs });
  return { address, method, resource, session };
}

/**
 * `/proxy/{resourceId}/…`: curl and scripts call an HTTP API resource through Porthole with a
 * personal API token. Porthole injects the resource's credential, relays the request and the
 * answer as streams, and masks and records every exchange in the user's proxy session.
 */
export function createHttpProxy({ idleMs = PROXY_IDLE_MS, bodyLimit = env().http.bodyRecordLimit }: HttpProxyOptions = {}): HttpProxy {
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const { address, method, resource, session } = await admit(req, idleMs);
    const target = httpTargetFor(resource);
    await relayExchange({ req, res, method, session, target, address, bodyLimit });
  };
  return {
    handle: (req, res) => {
      serve(req, res).catch((error: unknown) => sendProxyError(res, error));
    },
    close: (message) => closeProxySessions(message),
  };
}

import type { IncomingHttpHeaders } from 'node:http';
import { toActor, type Actor } from '../../actor/actor';
import { authenticateApiToken } from '../../tokens/authenticate-api-token';
import { ProxyError } from './proxy-errors';

const NO_TOKEN = 'Send a personal API token: Authorization: Bearer <token> (create one on your Profile page). The proxy does not accept a browser sign-in.';
const BAD_TOKEN = 'The API token is invalid, expired or revoked.';

/**
 * The user behind a proxied request: a personal API token in `Authorization: Bearer`, and
 * nothing else. A browser's session cookie is ignored, so a page on another site cannot make a
 * signed-in browser call an upstream API (no CSRF surface).
 */
export async function authenticateProxyRequest(headers: IncomingHttpHeaders): Promise<Actor> {
  const authorization = headers.authorization;
  if (!authorization) throw new ProxyError(401, 'UNAUTHORIZED', NO_TOKEN);
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  const found = token ? await authenticateApiToken(token) : undefined;
  if (!found) throw new ProxyError(401, 'UNAUTHORIZED', BAD_TOKEN);
  return toActor(found.user, 'token', { tokenId: found.tokenId });
}

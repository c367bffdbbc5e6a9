import type { Resource } from '@/db/schema';
import { ConnectorError } from '../connectors/connector-error';
import type { HttpTarget } from '../connectors/http/http-target';
import { credentialsForConnection } from './credentials-for-connection';

/**
 * Decrypts an HTTP resource's credential for one request (never cached): the connector
 * receives it, it never reads the store. The secret (bearer token, basic-auth password or the
 * header's value) is stored as the credentials' `password`.
 */
export function httpTargetFor(resource: Resource): HttpTarget {
  const settings = resource.settings?.http;
  if (resource.type !== 'http' || !settings)
    throw new ConnectorError('connect_failed', 'This resource has no HTTP settings: an admin must edit it and save a base URL.');
  const credential = settings.auth.kind === 'none' ? '' : (credentialsForConnection(resource).password ?? '');
  if (settings.auth.kind !== 'none' && credential === '')
    throw new ConnectorError('credentials_unreadable', 'This resource has no credential to inject: an admin must set one.');
  return { baseUrl: settings.baseUrl, tls: resource.tls ?? { mode: 'verify-full' }, auth: settings.auth, credential };
}

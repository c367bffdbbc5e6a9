import type { Resource } from '@/db/schema';
import { ConnectorError } from '../connectors/connector-error';
import { openCredentials, type ResourceCredentials } from './resource-credentials';

/**
 * A resource's credentials decrypted for one connection, right before connecting (never
 * cached). A key that cannot open them is a connector error the engineer is shown.
 */
export function credentialsForConnection(resource: Pick<Resource, 'id' | 'credentials'>): ResourceCredentials {
  try {
    return openCredentials(resource.id, resource.credentials);
  } catch (error) {
    throw new ConnectorError('credentials_unreadable', 'The stored credentials cannot be decrypted with the current PORTHOLE_SECRET_KEY.', { cause: error });
  }
}

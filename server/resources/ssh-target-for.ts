import type { Resource } from '@/db/schema';
import { ConnectorError } from '../connectors/connector-error';
import type { SshTarget } from '../connectors/ssh/ssh-target';
import { openCredentials } from './resource-credentials';

/** Decrypts the resource's credentials for one connection: the SSH connector receives them, it never reads the store. */
export function sshTargetFor(resource: Resource): SshTarget {
  let credentials;
  try {
    credentials = openCredentials(resource.id, resource.credentials);
  } catch (error) {
    throw new ConnectorError('credentials_unreadable', 'The stored credentials cannot be decrypted with the current PORTHOLE_SECRET_KEY.', { cause: error });
  }
  return {
    host: resource.host,
    port: resource.port,
    username: resource.username,
    password: credentials.password,
    privateKey: credentials.privateKey,
    passphrase: credentials.passphrase,
    hostKeyFingerprint: resource.hostKeyFingerprint,
  };
}

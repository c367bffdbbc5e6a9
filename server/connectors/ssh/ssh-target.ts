import type { Resource } from '@/db/schema';
import { openCredentials } from '../../resources/resource-credentials';
import { ConnectorError } from '../connector-error';

/** Everything needed to reach one SSH target; built right before connecting, never cached. */
export type SshTarget = {
  host: string;
  port: number;
  username: string;
  password?: string;
  privateKey?: string;
  passphrase?: string;
  /** The pinned `SHA256:` fingerprint; null means not confirmed, and connecting is refused. */
  hostKeyFingerprint: string | null;
};

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

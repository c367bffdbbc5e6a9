import type { Resource } from '@/db/schema';
import type { SshTarget } from '../connectors/ssh/ssh-target';
import { credentialsForConnection } from './credentials-for-connection';

/** Decrypts the resource's credentials for one connection: the SSH connector receives them, it never reads the store. */
export function sshTargetFor(resource: Resource): SshTarget {
  const credentials = credentialsForConnection(resource);
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

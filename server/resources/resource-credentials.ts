import { open, seal } from '../crypto/secret-box';
import { deriveKey } from '../crypto/master-key';

/** `token`: a Kubernetes service-account token. */
export type ResourceCredentials = { password?: string; privateKey?: string; passphrase?: string; token?: string };

const key = () => deriveKey('resource-credentials');

/** Encrypts credentials bound to their resource id (copying the ciphertext to another row fails). */
export function sealCredentials(resourceId: string, credentials: ResourceCredentials): string {
  const compact = Object.fromEntries(Object.entries(credentials).filter(([, v]) => typeof v === 'string' && v !== ''));
  return seal(key(), JSON.stringify(compact), `resource:${resourceId}`);
}

/** Server-only: the connectors call this right before connecting. */
export function openCredentials(resourceId: string, envelope: string): ResourceCredentials {
  return JSON.parse(open(key(), envelope, `resource:${resourceId}`)) as ResourceCredentials;
}

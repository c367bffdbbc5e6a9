import type { Actor } from '../actor/actor';
import { requireRole } from '../actor/require-role';
import { ConnectorError } from '../connectors/connector-error';
import { fetchHostKey } from '../connectors/ssh/fetch-host-key';
import { AppError } from '../errors/app-error';
import { requireResource } from './find-resource';
import type { HostKeyCheck } from './host-key-schemas';

/** A connector failure becomes a 422 with its clear message: the address is wrong, not the request. */
export function hostKeyFetchError(error: unknown): unknown {
  return error instanceof ConnectorError ? new AppError('VALIDATION', { userMessage: error.userMessage, fields: { host: [error.userMessage] } }) : error;
}

/** Step one of pinning: show the admin the key the host presents now; nothing is saved. */
export async function fetchResourceHostKey({ actor, resourceId }: { actor: Actor; resourceId: string }): Promise<HostKeyCheck> {
  requireRole(actor, 'admin');
  const resource = await requireResource(resourceId);
  if (resource.type !== 'ssh') throw new AppError('BAD_REQUEST', { userMessage: 'Only SSH resources have a host key.' });
  const key = await fetchHostKey(resource.host, resource.port).catch((error: unknown) => {
    throw hostKeyFetchError(error);
  });
  return {
    fingerprint: key.fingerprint,
    keyType: key.keyType,
    pinnedFingerprint: resource.hostKeyFingerprint,
    matchesPinned: resource.hostKeyFingerprint === key.fingerprint,
  };
}

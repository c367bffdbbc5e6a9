import type { APIRequestContext } from '@playwright/test';
import type { Sshd } from '../test/harness/sshd';

export type SshResource = { id: string; name: string };

/**
 * An SSH resource on the spec's own sshd, created through the API the way an admin does it:
 * create, then confirm the host key fingerprint (PUT …/host-key) so connections are allowed.
 */
export async function createSshResource(api: APIRequestContext, sshd: Sshd, name: string): Promise<SshResource> {
  const created = await api.post('/api/v1/resources', {
    data: {
      type: 'ssh',
      name,
      host: sshd.host,
      port: sshd.port,
      username: sshd.username,
      password: sshd.password,
      allowedRoles: ['engineer'],
      tags: ['e2e', 'terminal'],
    },
  });
  if (created.status() !== 201) throw new Error(`creating ${name} answered ${created.status()}: ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  const pinned = await api.put(`/api/v1/resources/${id}/host-key`, { data: { fingerprint: sshd.hostKeyFingerprint } });
  if (!pinned.ok()) throw new Error(`pinning the host key of ${name} answered ${pinned.status()}: ${await pinned.text()}`);
  return { id, name };
}

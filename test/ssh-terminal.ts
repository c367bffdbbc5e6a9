import { env } from '@/server/env';
import { confirmHostKey } from '@/server/resources/confirm-host-key';
import { createSession } from '@/server/sessions/create-session';
import { actorOf, makeAdmin, makeResource, makeUser, sshResource } from './factories';
import type { TestGateway } from './harness/gateway';
import type { Sshd } from './harness/sshd';
import { connectTerminal, type TerminalClient } from './harness/terminal-client';

/**
 * An engineer's terminal on a test sshd through the test gateway, at its first prompt: the
 * resource (its host key confirmed by an admin), the session and the connected client.
 */
export async function openSshTerminal(
  sshd: Sshd,
  gateway: TestGateway,
): Promise<{ admin: Awaited<ReturnType<typeof makeAdmin>>; sessionId: string; term: TerminalClient }> {
  const resource = await makeResource(sshResource({ host: sshd.host, port: sshd.port, username: sshd.username, password: sshd.password }));
  const admin = await makeAdmin();
  await confirmHostKey({ actor: admin.actor, resourceId: resource.id, input: { fingerprint: sshd.hostKeyFingerprint } });
  const { user } = await makeUser();
  const created = await createSession({ actor: await actorOf(user.id), input: { resourceId: resource.id } });
  const term = await connectTerminal(`${gateway.localUrl(created.wsUrl)}&cols=200&rows=50`, { origin: env().publicUrl });
  await term.waitFor(/\$ $/);
  return { admin, sessionId: created.id, term };
}

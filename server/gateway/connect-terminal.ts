import type { Resource, SessionTarget } from '@/db/schema';
import { ConnectorError } from '../connectors/connector-error';
import { openKubernetesExec } from '../connectors/kubernetes/open-kubernetes-exec';
import { openSshTerminal } from '../connectors/ssh/open-ssh-terminal';
import { AppError } from '../errors/app-error';
import { kubernetesEndpointFor } from '../resources/kubernetes-endpoint-for';
import { sshTargetFor } from '../resources/ssh-target-for';
import { checkKubernetesTarget } from '../sessions/check-kubernetes-target';
import type { TerminalConnection, TerminalHandlers, TerminalSize } from '../connectors/terminal-connector';

/** `target`: the pod and container a Kubernetes session opens (null for SSH). */
export type ConnectTerminal = (
  resource: Resource,
  size: TerminalSize,
  handlers: TerminalHandlers,
  target?: SessionTarget | null,
) => Promise<TerminalConnection>;

/** The pod is checked against the resource's scope again as it connects: labels and scope may have changed since the session was created. */
async function openPodShell(resource: Resource, size: TerminalSize, handlers: TerminalHandlers, target: SessionTarget | null | undefined) {
  if (!target) throw new ConnectorError('connect_failed', 'This session has no pod to open: start it again from the pod picker.');
  try {
    await checkKubernetesTarget(resource, target);
  } catch (error) {
    if (error instanceof AppError) throw new ConnectorError('connect_failed', error.userMessage, { cause: error });
    throw error;
  }
  return openKubernetesExec(kubernetesEndpointFor(resource), target, size, handlers);
}

/** Picks the connector for a resource type; credentials are decrypted here, just in time. */
export const connectTerminal: ConnectTerminal = async (resource, size, handlers, target) => {
  if (resource.type === 'ssh') return openSshTerminal(sshTargetFor(resource), size, handlers);
  if (resource.type === 'kubernetes') return openPodShell(resource, size, handlers, target);
  throw new ConnectorError('connect_failed', `${resource.type} resources do not open a terminal.`);
};

import type { Resource } from '@/db/schema';
import { ConnectorError } from '../connectors/connector-error';
import { openSshTerminal } from '../connectors/ssh/open-ssh-terminal';
import { sshTargetFor } from '../resources/ssh-target-for';
import type { TerminalConnection, TerminalHandlers, TerminalSize } from '../connectors/terminal-connector';

export type ConnectTerminal = (resource: Resource, size: TerminalSize, handlers: TerminalHandlers) => Promise<TerminalConnection>;

/** Picks the connector for a resource type; credentials are decrypted here, just in time. */
export const connectTerminal: ConnectTerminal = async (resource, size, handlers) => {
  if (resource.type === 'ssh') return openSshTerminal(sshTargetFor(resource), size, handlers);
  throw new ConnectorError('connect_failed', `${resource.type} resources do not open a terminal.`);
};

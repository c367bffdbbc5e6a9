import { ConnectorError } from './connector-error';

/**
 * The socket-level failures every connector shares (`code` set by Node's net and dns), as one
 * clear sentence; null for any other code, which the connector's own mapping handles.
 * `service` names what should be listening ("an SSH server", "PostgreSQL").
 */
export function socketConnectError(
  code: string | undefined,
  { host, port, service }: { host: string; port: number; service: string },
  cause: unknown,
): ConnectorError | null {
  const where = `${host}:${port}`;
  switch (code) {
    case 'ECONNREFUSED':
      return new ConnectorError('connection_refused', `Connection refused by ${where}: is ${service} listening there?`, { cause });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return new ConnectorError('dns_failed', `Cannot resolve the host name "${host}".`, { cause });
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return new ConnectorError('host_unreachable', `${where} is unreachable from Porthole.`, { cause });
    case 'ETIMEDOUT':
      return new ConnectorError('timeout', `Timed out connecting to ${where}.`, { cause });
    case 'ECONNRESET':
    case 'EPIPE':
      return new ConnectorError('connection_closed', `${where} closed the connection while connecting.`, { cause });
    default:
      return null;
  }
}

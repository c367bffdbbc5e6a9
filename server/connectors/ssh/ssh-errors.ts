import { ConnectorError } from '../connector-error';
import { socketConnectError } from '../socket-errors';

type Endpoint = { host: string; port: number };

/**
 * Turns ssh2 and socket errors into one clear sentence. ssh2 marks some errors with `level`
 * (client-authentication, client-timeout, ...); sockets set `code`.
 */
export function normalizeSshError(error: unknown, { host, port }: Endpoint): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const err = error as { level?: string; code?: string; message?: string } | undefined;
  const where = `${host}:${port}`;
  const message = err?.message ?? String(error);
  if (err?.level === 'client-authentication') {
    return new ConnectorError('auth_failed', `Authentication failed: ${where} refused the stored credentials for this resource.`, { cause: error });
  }
  if (err?.level === 'client-timeout' || err?.code === 'ETIMEDOUT' || /timed out/i.test(message)) {
    return new ConnectorError('timeout', `Timed out connecting to ${where}.`, { cause: error });
  }
  const socketError = socketConnectError(err?.code, { host, port, service: 'an SSH server' }, error);
  if (socketError) return socketError;
  if (/privateKey|passphrase|Encrypted private/i.test(message)) {
    return new ConnectorError('credentials_unreadable', 'The stored private key cannot be read: check its passphrase.', { cause: error });
  }
  if (/handshake|kex|algorithm/i.test(message)) {
    return new ConnectorError('connect_failed', `SSH handshake with ${where} failed: ${message}`, { cause: error });
  }
  return new ConnectorError('connect_failed', `Cannot connect to ${where}: ${message}`, { cause: error });
}

export function hostKeyChangedError({ host, port }: Endpoint, expected: string, actual: string): ConnectorError {
  return new ConnectorError(
    'host_key_changed',
    `The host key of ${host}:${port} has changed (expected ${expected}, got ${actual}). This may be a man-in-the-middle attack; an admin must confirm the new key before anyone can connect.`,
  );
}

export function hostKeyUnconfirmedError({ host, port }: Endpoint): ConnectorError {
  return new ConnectorError(
    'host_key_unconfirmed',
    `The host key of ${host}:${port} has not been confirmed yet: an admin must confirm it on the resource first.`,
  );
}

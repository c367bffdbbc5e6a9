import { Client } from 'ssh2';
import { resolveTargetHost } from '../resolve-target-host';
import { hostKeyFingerprint, hostKeyType } from './host-key';
import { normalizeSshError } from './ssh-errors';
import { SSH_READY_TIMEOUT_MS } from './ssh-timeouts';

export type FetchedHostKey = {
  /** base64 of the wire-format public key. */
  key: string;
  fingerprint: string;
  keyType: string;
};

/**
 * Connects only far enough to see the server's host key, then aborts: no credentials are
 * sent, so this is safe to run against a host that is not trusted yet.
 */
export async function fetchHostKey(host: string, port: number, { timeoutMs = SSH_READY_TIMEOUT_MS }: { timeoutMs?: number } = {}): Promise<FetchedHostKey> {
  const address = await resolveTargetHost({ host, port, service: 'an SSH server' });
  return new Promise((resolve, reject) => {
    const client = new Client();
    let captured: Buffer | undefined;
    let isDone = false;
    const finish = (error?: unknown) => {
      if (isDone) return;
      isDone = true;
      client.end();
      if (captured) resolve({ key: captured.toString('base64'), fingerprint: hostKeyFingerprint(captured), keyType: hostKeyType(captured) });
      else reject(normalizeSshError(error ?? new Error('the server sent no host key'), { host, port }));
    };
    client.on('error', (error) => finish(error));
    client.on('close', () => finish());
    client.on('ready', () => finish());
    client.connect({
      host: address,
      port,
      username: 'porthole-host-key-probe',
      readyTimeout: timeoutMs,
      hostVerifier: (key: Buffer) => {
        captured = Buffer.from(key);
        // Refusing the key aborts the handshake before any authentication.
        setImmediate(() => finish());
        return false;
      },
    });
  });
}

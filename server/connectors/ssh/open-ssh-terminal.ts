import { Client, type ClientChannel, type ConnectConfig } from 'ssh2';
import { ConnectorError } from '../connector-error';
import type { TerminalConnection, TerminalExit, TerminalHandlers, TerminalSize } from '../terminal-connector';
import { resolveTargetHost } from '../resolve-target-host';
import { hostKeyFingerprint, isSameFingerprint } from './host-key';
import { hostKeyChangedError, hostKeyUnconfirmedError, normalizeSshError } from './ssh-errors';
import type { SshTarget } from './ssh-target';
import { SSH_KEEPALIVE_COUNT_MAX, SSH_KEEPALIVE_INTERVAL_MS, SSH_READY_TIMEOUT_MS } from './ssh-timeouts';

export const TERMINAL_TYPE = 'xterm-256color';

/**
 * Output is read in slices of at most this size. In flowing mode a resumed stream hands over
 * everything it buffered while paused (up to the SSH window, megabytes) as one chunk, which
 * would overrun the browser's flow-control window; reading in slices keeps each step small.
 */
const MAX_READ_BYTES = 32 * 1024;

/** One SSH connection with one interactive shell channel. */
class SshTerminal implements TerminalConnection {
  private exitStatus: { code: number | null; signal?: string } | undefined;
  private isFinished = false;
  private lastError: Error | undefined;
  private isPaused = false;

  constructor(
    private readonly client: Client,
    private readonly channel: ClientChannel,
    private readonly handlers: TerminalHandlers,
    private readonly where: string,
  ) {
    channel.on('readable', () => this.pump());
    channel.stderr.on('data', handlers.onData);
    channel.on('drain', handlers.onDrain);
    channel.on('exit', (code: number | null, signal?: string) => {
      this.exitStatus = { code: typeof code === 'number' ? code : null, signal };
    });
    // The channel's 'close' is the last event in every case: after a clean exit, and after a
    // dropped connection (ssh2 closes its channels then). It waits until buffered output has
    // been read, so a paused channel loses no tail.
    channel.on('close', () => this.finish());
    channel.on('error', (error: Error) => (this.lastError = error));
    client.on('error', (error) => (this.lastError = error));
  }

  write(data: Buffer): boolean {
    return this.isFinished ? true : this.channel.write(data);
  }

  resize({ cols, rows }: TerminalSize): void {
    if (!this.isFinished) this.channel.setWindow(rows, cols, 0, 0);
  }

  pause(): void {
    this.isPaused = true;
  }

  resume(): void {
    this.isPaused = false;
    this.pump();
  }

  /** Hands buffered output on while not paused; what stays buffered stops the SSH window. */
  private pump(): void {
    while (!this.isPaused) {
      const size = Math.min(this.channel.readableLength, MAX_READ_BYTES);
      // read() on an empty buffer returns null, and at end of stream lets 'end' and 'close' fire.
      const chunk = (size > 0 ? this.channel.read(size) : this.channel.read()) as Buffer | null;
      if (!chunk) return;
      this.handlers.onData(chunk);
    }
  }

  close(): void {
    if (this.isFinished) return;
    this.isFinished = true;
    this.channel.close();
    this.client.end();
  }

  private finish(): void {
    if (this.isFinished) return;
    this.isFinished = true;
    this.client.end();
    this.handlers.onExit(this.describeExit(this.lastError));
  }

  private describeExit(error: Error | undefined): TerminalExit {
    const status = this.exitStatus;
    if (status?.signal) return { reason: 'target_closed', message: `The shell was killed by signal ${status.signal}.`, exitCode: null };
    if (status) return { reason: 'user_exit', message: `The shell exited with code ${status.code ?? 0}.`, exitCode: status.code };
    if (error && /keepalive/i.test(error.message)) {
      return { reason: 'target_closed', message: `${this.where} stopped responding.`, exitCode: null };
    }
    return { reason: 'target_closed', message: `${this.where} closed the connection.`, exitCode: null };
  }
}

function connectConfig(target: SshTarget, address: string, onHostKeyProblem: (error: ConnectorError) => void): ConnectConfig {
  const endpoint = { host: target.host, port: target.port };
  return {
    host: address,
    port: target.port,
    username: target.username,
    password: target.password,
    privateKey: target.privateKey,
    passphrase: target.passphrase,
    // Some servers only offer keyboard-interactive for passwords.
    tryKeyboard: Boolean(target.password),
    readyTimeout: SSH_READY_TIMEOUT_MS,
    keepaliveInterval: SSH_KEEPALIVE_INTERVAL_MS,
    keepaliveCountMax: SSH_KEEPALIVE_COUNT_MAX,
    // Fail closed: no pinned key, or a different one, means no connection (and no credentials sent).
    hostVerifier: (key: Buffer) => {
      const actual = hostKeyFingerprint(key);
      if (!target.hostKeyFingerprint) onHostKeyProblem(hostKeyUnconfirmedError(endpoint));
      else if (!isSameFingerprint(target.hostKeyFingerprint, actual)) onHostKeyProblem(hostKeyChangedError(endpoint, target.hostKeyFingerprint, actual));
      else return true;
      return false;
    },
  };
}

/** Connects, authenticates, verifies the pinned host key and opens a PTY shell. */
export async function openSshTerminal(target: SshTarget, size: TerminalSize, handlers: TerminalHandlers): Promise<TerminalConnection> {
  const address = await resolveTargetHost({ host: target.host, port: target.port, service: 'an SSH server' });
  const endpoint = { host: target.host, port: target.port };
  return new Promise((resolve, reject) => {
    const client = new Client();
    let hostKeyProblem: ConnectorError | undefined;
    let isSettled = false;
    const fail = (error: unknown) => {
      if (isSettled) return;
      isSettled = true;
      client.end();
      reject(hostKeyProblem ?? normalizeSshError(error, endpoint));
    };
    client.on('error', fail);
    client.on('close', () => fail(new ConnectorError('connection_closed', `${target.host}:${target.port} closed the connection before the shell opened.`)));
    client.on('keyboard-interactive', (_name, _instructions, _lang, prompts, finish) => finish(prompts.map(() => target.password ?? '')));
    client.on('ready', () => {
      client.shell({ term: TERMINAL_TYPE, cols: size.cols, rows: size.rows, width: 0, height: 0 }, (error, channel) => {
        if (error)
          return fail(new ConnectorError('connect_failed', `${target.host}:${target.port} refused to open a shell: ${error.message}`, { cause: error }));
        if (isSettled) return channel.close();
        isSettled = true;
        client.removeListener('error', fail);
        resolve(new SshTerminal(client, channel, handlers, `${target.host}:${target.port}`));
      });
    });
    try {
      client.connect(connectConfig(target, address, (problem) => (hostKeyProblem = problem)));
      // Keystrokes go out at once, as OpenSSH's client sends them. Without the native binding
      // (Node 24.19+: ssh2-binding.mjs) ssh2 writes each packet in 3 or 4 pieces, and Nagle held
      // the later ones for the target's delayed ACK: echo p50 2 ms → 46 ms (docs/benchmarks.md).
      client.setNoDelay(true);
    } catch (error) {
      // ssh2 throws synchronously for an unreadable private key.
      fail(error);
    }
  });
}

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import WebSocket from 'ws';
import { TerminalSocket, type SocketLike } from '@/components/terminal/terminal-socket';

/**
 * The clients the benchmark drives with one procedure: all talk to the same sshd with a
 * remote PTY, all hand every output chunk to one listener.
 */
export interface PtyClient {
  readonly label: string;
  /** The local process doing the client's SSH work (ssh itself), when it has its own. */
  readonly pid?: number;
  /** Settles (never rejects) with a reason once the connection is gone. */
  readonly closed: Promise<string>;
  send(data: string | Uint8Array): void;
  /** One listener at a time: the current measurement. */
  setListener(listener: (chunk: Buffer) => void): void;
  close(): Promise<void>;
}

const noop = () => undefined;

export type SshLogin = { host: string; port: number; username: string; keyFile: string };

/** OpenSSH's client with a forced remote PTY (`ssh -tt`), stdin and stdout as pipes. */
export function openSshClient(login: SshLogin): PtyClient {
  const child = spawn(
    'ssh',
    [
      '-tt',
      '-F',
      '/dev/null',
      '-i',
      login.keyFile,
      '-p',
      String(login.port),
      '-o',
      'BatchMode=yes',
      '-o',
      'StrictHostKeyChecking=no',
      '-o',
      'UserKnownHostsFile=/dev/null',
      '-o',
      'LogLevel=ERROR',
      `${login.username}@${login.host}`,
    ],
    // Same TERM as the gateway's PTY; the size is set with stty by the procedure.
    { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, TERM: 'xterm-256color' } },
  );
  let listener: (chunk: Buffer) => void = noop;
  child.stdout.on('data', (chunk: Buffer) => listener(chunk));
  child.stderr.on('data', noop);
  child.stdin.on('error', noop);
  const closed = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(`ssh exited (${signal ?? code})`)));
  return {
    label: 'ssh -tt',
    pid: child.pid,
    closed,
    send: (data) => void child.stdin.write(data),
    setListener: (next) => (listener = next),
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/**
 * The browser's socket client (components/terminal/terminal-socket.ts) on the `ws` package,
 * acknowledging every chunk as soon as it arrives: a reader that is never the bottleneck.
 */
export async function openGatewayClient(
  wsUrl: string,
  {
    label = 'gateway',
    origin,
    size = { cols: 120, rows: 40 },
    timeoutMs = 15_000,
  }: { label?: string; origin?: string; size?: { cols: number; rows: number }; timeoutMs?: number } = {},
): Promise<PtyClient> {
  const socket = new TerminalSocket(wsUrl, {
    initialSize: size,
    createSocket: (url) => new WebSocket(url, { origin, perMessageDeflate: false }) as unknown as SocketLike,
  });
  let listener: (chunk: Buffer) => void = noop;
  let lastError = '';
  socket.on('output', (bytes) => {
    listener(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    socket.acknowledge(bytes.byteLength);
  });
  socket.on('error', ({ message }) => (lastError = message));
  const closed = new Promise<string>((resolve) => socket.on('close', ({ code, reason }) => resolve(`${label} closed (${code} ${lastError || reason})`)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label}: not connected after ${timeoutMs} ms`)), timeoutMs);
    socket.on('status', ({ state }) => {
      if (state !== 'connected') return;
      clearTimeout(timer);
      resolve();
    });
    void closed.then((reason) => {
      clearTimeout(timer);
      reject(new Error(reason));
    });
  });
  return {
    label,
    closed,
    send: (data) => socket.sendInput(data),
    setListener: (next) => (listener = next),
    async close() {
      socket.dispose();
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 200))]);
    },
  };
}

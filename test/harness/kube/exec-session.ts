import { spawn as spawnChild } from 'node:child_process';
import { spawn as spawnPty } from 'node-pty';
import type { WebSocket } from 'ws';

/** The channel bytes of the Kubernetes streaming protocols (channel.k8s.io and its v4/v5). */
export const CHANNEL = { stdin: 0, stdout: 1, stderr: 2, error: 3, resize: 4, close: 255 } as const;

export type ExecRequest = { pod: string; command: string[]; tty: boolean; stdin: boolean; protocol: string; cwd: string; shell: string[] };

/** What the running command looks like to the channel wiring: a PTY or plain pipes. */
type ExecProcess = {
  write(data: Buffer): void;
  endInput(): void;
  resize(cols: number, rows: number): void;
  kill(): void;
  onOutput(listener: (channel: number, data: Buffer) => void): void;
  onExit(listener: (code: number) => void): void;
};

const SHELLS = new Set(['sh', 'bash', '/bin/sh', '/bin/bash', '/usr/bin/bash']);

function environment(request: ExecRequest): Record<string, string> {
  return {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOME: request.cwd,
    HOSTNAME: request.pod,
    LANG: 'C.UTF-8',
    // Stable for tests: the pod's name, then "$ ".
    PS1: `${request.pod}$ `,
    ...(request.tty ? { TERM: 'xterm-256color' } : {}),
  };
}

/** `bash`/`sh` alone runs the harness shell (no rc files, stable prompt); anything else runs as asked. */
function argv(request: ExecRequest): [string, string[]] {
  const [file, ...args] = request.command.length === 1 && SHELLS.has(request.command[0]!) ? request.shell : request.command;
  return [file!, args];
}

function startPty(request: ExecRequest): ExecProcess {
  const [file, args] = argv(request);
  // encoding: null hands out Buffers (node-pty's typing says string).
  const pty = spawnPty(file, args, { name: 'xterm-256color', cols: 80, rows: 24, cwd: request.cwd, env: environment(request), encoding: null });
  return {
    write: (data) => pty.write(data.toString('utf8')),
    endInput: () => undefined, // a terminal has no half-close; the shell ends on `exit` or a kill
    resize: (cols, rows) => pty.resize(cols, rows),
    kill: () => pty.kill(),
    onOutput: (listener) => pty.onData((data) => listener(CHANNEL.stdout, Buffer.isBuffer(data) ? data : Buffer.from(data))),
    // node-pty emits exit only after the PTY's output has been read to the end.
    onExit: (listener) => pty.onExit(({ exitCode, signal }) => listener(signal ? 128 + signal : exitCode)),
  };
}

function startPipes(request: ExecRequest): ExecProcess {
  const [file, args] = argv(request);
  // The project types process.env (NODE_ENV required); a child of the harness gets only the minimal set.
  const child = spawnChild(file, args, { cwd: request.cwd, env: environment(request) as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe'] });
  let exited: ((code: number) => void) | undefined;
  child.on('error', () => exited?.(126));
  return {
    write: (data) => child.stdin.write(data),
    endInput: () => child.stdin.end(),
    resize: () => undefined,
    kill: () => child.kill('SIGKILL'),
    onOutput: (listener) => {
      child.stdout.on('data', (data: Buffer) => listener(CHANNEL.stdout, data));
      child.stderr.on('data', (data: Buffer) => listener(CHANNEL.stderr, data));
    },
    onExit: (listener) => {
      exited = listener;
      child.on('close', (code, signal) => listener(code ?? (signal ? 128 : 1)));
    },
  };
}

/** v4/v5 report the end on channel 3 as a JSON Status; kubectl takes the exit code from its causes. */
function exitStatus(protocol: string, code: number): string | undefined {
  if (protocol === 'channel.k8s.io') return code === 0 ? undefined : `command terminated with non-zero exit code: exit status ${code}`;
  if (code === 0) return JSON.stringify({ metadata: {}, status: 'Success' });
  return JSON.stringify({
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: exit status ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  });
}

const frame = (channel: number, data: Buffer | string) => Buffer.concat([Buffer.from([channel]), Buffer.from(data)]);

function onClientFrame(proc: ExecProcess, request: ExecRequest, data: Buffer): void {
  const channel = data[0];
  const payload = data.subarray(1);
  if (channel === CHANNEL.stdin && request.stdin) proc.write(payload);
  else if (channel === CHANNEL.resize) {
    try {
      const size = JSON.parse(payload.toString('utf8')) as { Width?: unknown; Height?: unknown };
      if (typeof size.Width === 'number' && typeof size.Height === 'number' && size.Width > 0 && size.Height > 0) proc.resize(size.Width, size.Height);
    } catch {
      // A malformed resize is dropped, as the kubelet does.
    }
  } else if (channel === CHANNEL.close && request.protocol === 'v5.channel.k8s.io' && payload[0] === CHANNEL.stdin) proc.endInput();
}

/** Runs the command for one upgraded exec connection; returns a kill switch for the harness's close(). */
export function runExecSession(socket: WebSocket, request: ExecRequest): () => void {
  let proc: ExecProcess;
  try {
    proc = request.tty ? startPty(request) : startPipes(request);
  } catch (error) {
    socket.send(
      frame(CHANNEL.error, JSON.stringify({ metadata: {}, status: 'Failure', message: `exec failed: ${(error as Error).message}`, reason: 'InternalError' })),
    );
    socket.close(1000);
    return () => undefined;
  }
  let exited = false;
  const kill = () => (exited ? undefined : proc.kill());
  proc.onOutput((channel, data) => socket.send(frame(channel, data)));
  proc.onExit((code) => {
    exited = true;
    const status = exitStatus(request.protocol, code);
    if (status !== undefined) socket.send(frame(CHANNEL.error, status));
    socket.close(1000);
  });
  socket.on('message', (data: Buffer, isBinary) => (isBinary ? onClientFrame(proc, request, data) : undefined));
  socket.on('close', kill);
  return kill;
}

import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Server, type ServerChannel, type Session } from 'ssh2';
import { loadDemoHostKey } from './demo-host-key';
import { prepareScratchDir, scratchDirFor } from './demo-scratch-dir';
import { chooseDemoSandbox, sandboxedCommand, type DemoSandbox } from './demo-shell-sandbox';
import { spawnShellPty } from './shell-pty';

export const DEMO_SSH_USER = 'demo';

export type DemoSshServer = {
  host: string;
  port: number;
  username: string;
  password: string;
  hostKey: string;
  hostKeyFingerprint: string;
  /** How the shell is kept from the data directory, and its home. */
  sandbox: DemoSandbox;
  home: string;
  close(): Promise<void>;
};

function isSamePassword(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const SHELL = fs.existsSync('/bin/bash') ? '/bin/bash' : '/bin/sh';

/** The demo shell could not be isolated from the data directory, so it does not run. */
export class DemoShellUnavailableError extends Error {}

type ShellPlace = { home: string; sandbox: DemoSandbox };

/** A clean environment: the demo shell must not inherit Porthole's secrets (keys, DATABASE_URL). */
function shellEnv({ home, sandbox }: ShellPlace): Record<string, string> {
  return {
    HOME: home,
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    SHELL,
    USER: sandbox.user,
    LOGNAME: sandbox.user,
  };
}

/** Relays one session channel to a shell in a PTY, both directions with backpressure. */
async function runShell(channel: ServerChannel, place: ShellPlace, size: { cols: number; rows: number }, command?: string) {
  const { file, args } = sandboxedCommand(place.sandbox, SHELL, command === undefined ? ['-i'] : ['-c', command]);
  const pty = await spawnShellPty({ file, args, cwd: place.home, env: shellEnv(place), ...size });
  pty.onData((chunk) => {
    if (!channel.write(chunk)) pty.pause();
  });
  channel.on('drain', () => pty.resume());
  channel.on('data', (data: Buffer) => pty.write(data));
  channel.on('close', () => pty.kill());
  pty.onExit((code) => {
    channel.exit(code ?? 0);
    channel.end();
  });
  return pty;
}

function handleSession(session: Session, place: ShellPlace): void {
  let size = { cols: 80, rows: 24 };
  let pty: Awaited<ReturnType<typeof runShell>> | undefined;
  session.on('pty', (accept, _reject, info) => {
    size = { cols: info.cols || 80, rows: info.rows || 24 };
    accept?.();
  });
  session.on('window-change', (accept, _reject, info) => {
    size = { cols: info.cols, rows: info.rows };
    pty?.resize(info.cols, info.rows);
    accept?.();
  });
  const start = (channel: ServerChannel, command?: string) => {
    runShell(channel, place, size, command).then(
      (started) => (pty = started),
      (error: unknown) => {
        channel.stderr.write(`cannot start the demo shell: ${error instanceof Error ? error.message : String(error)}\r\n`);
        channel.exit(1);
        channel.end();
      },
    );
  };
  session.on('shell', (accept) => start(accept()));
  session.on('exec', (accept, _reject, info) => start(accept(), info.command));
}

/** Where the shell runs, or why it cannot run safely (fail closed). */
function placeShell(dataDir: string, sandbox?: DemoSandbox): ShellPlace {
  if (!sandbox) {
    const choice = chooseDemoSandbox(dataDir);
    if ('unavailable' in choice) throw new DemoShellUnavailableError(choice.unavailable);
    sandbox = choice.sandbox;
  }
  if (sandbox.kind === 'user' && (fs.statSync(dataDir).mode & 0o077) !== 0) {
    throw new DemoShellUnavailableError(`the data directory ${dataDir} is open to other accounts`);
  }
  return { home: prepareScratchDir(scratchDirFor(dataDir), sandbox), sandbox };
}

/**
 * The demo target: an SSH server inside Porthole on 127.0.0.1 that opens a real shell in a
 * scratch directory outside the data directory, isolated from it (demo-shell-sandbox.ts).
 * Random password each start; host key kept in the data directory. Throws
 * DemoShellUnavailableError when this machine cannot isolate the shell.
 */
export async function startDemoSshServer(dataDir: string, options: { sandbox?: DemoSandbox } = {}): Promise<DemoSshServer> {
  const place = placeShell(dataDir, options.sandbox);
  const hostKey = loadDemoHostKey(path.join(dataDir, 'demo-ssh'));
  const password = randomBytes(24).toString('base64url');
  const server = new Server({ hostKeys: [hostKey.privateKey] }, (client) => {
    client.on('error', () => undefined);
    // Echo goes out at once (see open-ssh-terminal.ts: without ssh2's binding a packet is several
    // writes). ssh2's server connections have the method; its type definitions leave it out.
    (client as typeof client & { setNoDelay(noDelay: boolean): void }).setNoDelay(true);
    client.on('authentication', (ctx) => {
      if (ctx.method === 'password' && ctx.username === DEMO_SSH_USER && isSamePassword(ctx.password, password)) return ctx.accept();
      ctx.reject(['password']);
    });
    client.on('ready', () => client.on('session', (accept) => handleSession(accept(), place)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    username: DEMO_SSH_USER,
    password,
    hostKey: hostKey.publicKey,
    hostKeyFingerprint: hostKey.fingerprint,
    sandbox: place.sandbox,
    home: place.home,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

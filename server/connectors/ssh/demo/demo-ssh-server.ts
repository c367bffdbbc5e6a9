import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Server, type ServerChannel, type Session } from 'ssh2';
import { loadDemoHostKey } from './demo-host-key';
import { prepareScratchDir } from './demo-scratch-dir';
import { spawnShellPty } from './shell-pty';

export const DEMO_SSH_USER = 'demo';

export type DemoSshServer = {
  host: string;
  port: number;
  username: string;
  password: string;
  hostKey: string;
  hostKeyFingerprint: string;
  close(): Promise<void>;
};

function isSamePassword(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const SHELL = fs.existsSync('/bin/bash') ? '/bin/bash' : '/bin/sh';

/** A clean environment: the demo shell must not inherit Porthole's secrets (keys, DATABASE_URL). */
function shellEnv(home: string): Record<string, string> {
  return { HOME: home, PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', TERM: 'xterm-256color', LANG: 'C.UTF-8', SHELL, USER: DEMO_SSH_USER };
}

/** Relays one session channel to a shell in a PTY, both directions with backpressure. */
async function runShell(channel: ServerChannel, home: string, size: { cols: number; rows: number }, command?: string) {
  const args = command === undefined ? ['-i'] : ['-c', command];
  const pty = await spawnShellPty({ file: SHELL, args, cwd: home, env: shellEnv(home), ...size });
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

function handleSession(session: Session, home: string): void {
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
    runShell(channel, home, size, command).then(
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

/**
 * The demo target: an SSH server inside Porthole on 127.0.0.1 that opens a real shell in a
 * scratch directory. Random password each start; host key kept in the data directory.
 */
export async function startDemoSshServer(dataDir: string): Promise<DemoSshServer> {
  const dir = path.join(dataDir, 'demo-ssh');
  const hostKey = loadDemoHostKey(dir);
  const home = prepareScratchDir(path.join(dir, 'home'));
  const password = randomBytes(24).toString('base64url');
  const server = new Server({ hostKeys: [hostKey.privateKey] }, (client) => {
    client.on('error', () => undefined);
    client.on('authentication', (ctx) => {
      if (ctx.method === 'password' && ctx.username === DEMO_SSH_USER && isSamePassword(ctx.password, password)) return ctx.accept();
      ctx.reject(['password']);
    });
    client.on('ready', () => client.on('session', (accept) => handleSession(accept(), home)));
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
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

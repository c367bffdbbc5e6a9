import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { hostKeyFingerprint } from '@/server/connectors/ssh/host-key';
import { freePort } from './free-port';

const run = promisify(execFile);

/** The local Linux account the tests log in as (created on first use; CI runs as root). */
export const SSH_TEST_USER = 'porthole-test';
/** Fixed, so test processes setting it at the same time agree. Loopback-only sshd, throwaway user. */
export const SSH_TEST_PASSWORD = 'porthole-test-password-7f3a';

export type Sshd = {
  host: string;
  port: number;
  username: string;
  password: string;
  /** OpenSSH private key whose public half is authorized for the test user. */
  privateKey: string;
  /** base64 wire-format host key and its `SHA256:` fingerprint, as Porthole pins them. */
  hostKey: string;
  hostKeyFingerprint: string;
  /** SIGKILLs every per-connection sshd process and shell: the target dies mid-session. */
  killConnections(): void;
  stop(): Promise<void>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** useradd/chpasswd lock /etc/passwd and /etc/shadow; parallel test files can collide. */
async function withRetry(fn: () => Promise<unknown>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fn();
      return;
    } catch (error) {
      if (attempt >= 20) throw error;
      await sleep(100 + Math.random() * 200);
    }
  }
}

async function userExists(name: string): Promise<boolean> {
  return run('id', ['-u', name]).then(
    () => true,
    () => false,
  );
}

async function ensureTestUser(): Promise<void> {
  if (!(await userExists(SSH_TEST_USER))) {
    await withRetry(async () => {
      if (await userExists(SSH_TEST_USER)) return;
      await run('useradd', ['--create-home', '--shell', '/bin/bash', SSH_TEST_USER]);
    });
  }
  await withRetry(
    () =>
      new Promise<void>((resolve, reject) => {
        const child = spawn('chpasswd', [], { stdio: ['pipe', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`chpasswd failed: ${stderr}`))));
        child.stdin.end(`${SSH_TEST_USER}:${SSH_TEST_PASSWORD}\n`);
      }),
  );
  // A real password prompt for masking tests: the test user may run `sudo true` (nothing
  // else), after typing their password.
  if (fs.existsSync('/etc/sudoers.d')) fs.writeFileSync(`/etc/sudoers.d/${SSH_TEST_USER}`, `${SSH_TEST_USER} ALL=(root) /usr/bin/true\n`, { mode: 0o440 });
}

/** Resolves once sshd sends its version banner, i.e. it really accepts connections. */
async function waitForBanner(port: number, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sshd exited: ${fs.readFileSync(logFile, 'utf8')}`);
    const isUp = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('SSH-'));
      });
      socket.once('error', () => resolve(false));
    });
    if (isUp) return;
    await sleep(50);
  }
  throw new Error('sshd did not start within 10 s');
}

/** Every process under `pid`, children last-found-first so leaves die before their parents. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 (ppid) follows the parenthesized command name, which may contain spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = parents.get(ppid) ?? [];
      list.push(Number(entry));
      parents.set(ppid, list);
    } catch {
      // The process exited while we looked.
    }
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const child of parents.get(parent) ?? []) {
      walk(child);
      found.push(child);
    }
  };
  walk(pid);
  return found;
}

function killAll(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** A real OpenSSH sshd on a random loopback port with its own config, host key and user key. */
export async function startSshd(): Promise<Sshd> {
  await ensureTestUser();
  fs.mkdirSync('/run/sshd', { recursive: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-sshd-'));
  // The test user reads authorized_keys from here (sshd drops privileges to read it).
  fs.chmodSync(dir, 0o755);
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'porthole-test-host', '-f', path.join(dir, 'host_ed25519')]);
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'porthole-test-user', '-f', path.join(dir, 'user_ed25519')]);
  fs.copyFileSync(path.join(dir, 'user_ed25519.pub'), path.join(dir, 'authorized_keys'));
  fs.chmodSync(path.join(dir, 'authorized_keys'), 0o644);

  const port = await freePort();
  const config = path.join(dir, 'sshd_config');
  const logFile = path.join(dir, 'sshd.log');
  fs.writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${path.join(dir, 'host_ed25519')}`,
      `PidFile ${path.join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
      'UsePAM no',
      'StrictModes no',
      'PrintMotd no',
      'PrintLastLog no',
      'UseDNS no',
      'PasswordAuthentication yes',
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      'PermitRootLogin no',
      `AllowUsers ${SSH_TEST_USER}`,
      'MaxStartups 500:30:1000',
      'MaxSessions 500',
      'MaxAuthTries 20',
      'X11Forwarding no',
      'LogLevel INFO',
      '',
    ].join('\n'),
  );
  await run('/usr/sbin/sshd', ['-t', '-f', config]);
  // -D: stays our child, so stop() and a crashed test run cannot leave a daemon behind unnoticed.
  const child = spawn('/usr/sbin/sshd', ['-D', '-f', config, '-E', logFile], { stdio: 'ignore' });
  await waitForBanner(port, child, logFile);

  const hostKey = fs.readFileSync(path.join(dir, 'host_ed25519.pub'), 'utf8').split(' ')[1] ?? '';
  const listenerPid = child.pid ?? -1;
  return {
    host: '127.0.0.1',
    port,
    username: SSH_TEST_USER,
    password: SSH_TEST_PASSWORD,
    privateKey: fs.readFileSync(path.join(dir, 'user_ed25519'), 'utf8'),
    hostKey,
    hostKeyFingerprint: hostKeyFingerprint(Buffer.from(hostKey, 'base64')),
    killConnections: () => killAll(descendants(listenerPid)),
    stop: async () => {
      killAll(descendants(listenerPid));
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, sleep(3_000)]);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

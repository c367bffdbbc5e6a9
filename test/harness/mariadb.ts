import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

/**
 * A real, throwaway MariaDB server on 127.0.0.1 for tests (Debian's `mariadb-server`): its own
 * data directory in a temp dir, a random free port, a private socket for setup, and a real
 * user with a password that tests reach over TCP, as Porthole does.
 */
const run = promisify(execFile);

export type TestMariaDb = {
  host: '127.0.0.1';
  port: number;
  /** A user with every privilege, reached over TCP with a password. */
  user: string;
  password: string;
  /** Runs SQL as root over the private socket (setup: databases, users, grants). */
  admin: (sql: string) => Promise<string>;
  /** Creates an empty database. */
  createDatabase: (name: string) => Promise<void>;
  /** Stops the server and removes its files. Safe to call twice. */
  stop: () => Promise<void>;
};

const INSTALL_DB = 'mariadb-install-db';
const SERVER = '/usr/sbin/mariadbd';
const CLIENT = 'mariadb';

export function assertMariaDbInstalled(): void {
  if (!fs.existsSync(SERVER)) {
    throw new Error(
      `MariaDB server not found at ${SERVER}. Install the Debian package: apt-get install -y mariadb-server (or run scripts/ensure-os-packages.sh).`,
    );
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startMariaDb(): Promise<TestMariaDb> {
  assertMariaDbInstalled();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-mariadb-'));
  const dataDir = path.join(root, 'data');
  const socketPath = path.join(root, 'mysqld.sock');
  const pidFile = path.join(root, 'mysqld.pid');
  const logFile = path.join(root, 'mysqld.log');
  // Its own temporary tables' files (a recursive CTE spills to Aria files there), apart from
  // every other process's /tmp: a CI run once lost one mid-query (EE_DELETE, errno 2).
  const tmpDir = path.join(root, 'tmp');
  fs.mkdirSync(tmpDir);
  const user = 'porthole_test';
  const password = `pw_${randomBytes(9).toString('hex')}`;
  let child: ChildProcess | undefined;

  let isStopped = false;
  const stopSync = () => {
    if (isStopped) return;
    isStopped = true;
    try {
      const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').trim()) : child?.pid;
      if (pid) process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    fs.rmSync(root, { recursive: true, force: true });
  };
  process.once('exit', stopSync);

  const admin = async (sql: string): Promise<string> => {
    const { stdout } = await run(CLIENT, ['--no-defaults', '-uroot', `--socket=${socketPath}`, '--batch', '--skip-column-names', '-e', sql]);
    return stdout;
  };

  try {
    await run(INSTALL_DB, [
      '--no-defaults',
      '--user=root',
      `--datadir=${dataDir}`,
      '--auth-root-authentication-method=socket',
      '--skip-test-db',
      '--skip-name-resolve',
    ]);
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const log = fs.openSync(logFile, 'a');
      child = spawn(
        SERVER,
        [
          '--no-defaults',
          '--user=root',
          `--datadir=${dataDir}`,
          `--port=${port}`,
          '--bind-address=127.0.0.1',
          `--socket=${socketPath}`,
          `--pid-file=${pidFile}`,
          `--tmpdir=${tmpDir}`,
          '--skip-name-resolve',
          '--innodb-buffer-pool-size=32M',
          '--innodb-log-file-size=16M',
          '--innodb-flush-log-at-trx-commit=0',
          '--skip-log-bin',
          '--max-connections=200',
        ],
        { stdio: ['ignore', log, log], detached: false },
      );
      fs.closeSync(log);
      const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
      const deadline = Date.now() + 30_000;
      let isUp = false;
      while (Date.now() < deadline) {
        const state = await Promise.race([exited.then(() => 'exited' as const), new Promise<'wait'>((r) => setTimeout(() => r('wait'), 100))]);
        if (state === 'exited') break;
        if (fs.existsSync(socketPath) && (await canConnect(port))) {
          isUp = true;
          break;
        }
      }
      if (isUp) break;
      child.kill('SIGKILL');
      if (attempt >= 3) throw new Error('mariadbd did not start');
    }
    child.unref();
    await admin(
      `CREATE USER '${user}'@'127.0.0.1' IDENTIFIED BY '${password}'; GRANT ALL PRIVILEGES ON *.* TO '${user}'@'127.0.0.1' WITH GRANT OPTION; FLUSH PRIVILEGES;`,
    );
    return {
      host: '127.0.0.1',
      port,
      user,
      password,
      admin,
      createDatabase: async (name) => {
        if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid test database name: ${name}`);
        await admin(`CREATE DATABASE \`${name}\``);
      },
      stop: () => {
        process.removeListener('exit', stopSync);
        stopSync();
        return Promise.resolve();
      },
    };
  } catch (error) {
    const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-15).join('\n') : '';
    process.removeListener('exit', stopSync);
    stopSync();
    throw new Error(
      `cannot start the test MariaDB server: ${error instanceof Error ? error.message : String(error)}${log ? `\n--- mysqld.log ---\n${log}` : ''}`,
    );
  }
}

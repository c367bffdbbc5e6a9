import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port';

/**
 * A real, throwaway PostgreSQL 15 server on 127.0.0.1 for tests: its own data directory in a
 * temp dir, a random free port, fsync off. As root it runs as the `postgres` user (initdb and
 * postgres refuse root); otherwise as the current user.
 */
export const POSTGRES_BIN_DIR = '/usr/lib/postgresql/15/bin';

const run = promisify(execFile);

export type TestPostgres = {
  /** Superuser URL over TCP, to the `postgres` maintenance database. */
  url: string;
  /** Creates an empty database and returns its URL. */
  createDatabase: (name: string) => Promise<string>;
  /** The server's main process (its connections are its children): benchmarks read their CPU time. */
  pid: number;
  /** Stops the server at once and removes its files. Safe to call twice. */
  stop: () => Promise<void>;
};

const SUPERUSER = 'porthole_test';

export function assertPostgresInstalled(binDir = POSTGRES_BIN_DIR): void {
  const missing = ['initdb', 'pg_ctl', 'postgres'].filter((bin) => !fs.existsSync(path.join(binDir, bin)));
  if (missing.length > 0) {
    throw new Error(
      `PostgreSQL 15 server binaries not found in ${binDir} (missing ${missing.join(', ')}). ` +
        'Install the Debian package: apt-get install -y postgresql (or run scripts/ensure-os-packages.sh).',
    );
  }
}

function postgresUser(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error('cannot resolve the postgres system user');
  return { uid, gid };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Creates a database on the server reachable at `adminUrl`, empty or a copy of `template` (a
 * database nobody is connected to), and returns its URL.
 */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  for (const database of [name, template ?? 'template1']) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) throw new Error(`invalid test database name: ${database}`);
  }
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ''}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function startPostgres(options: { binDir?: string } = {}): Promise<TestPostgres> {
  const binDir = options.binDir ?? POSTGRES_BIN_DIR;
  assertPostgresInstalled(binDir);

  const isRoot = process.getuid?.() === 0;
  const owner = isRoot ? postgresUser() : undefined;
  // Runs a PostgreSQL binary as the user that owns the data directory.
  const pgExec = (bin: string, args: string[]) =>
    isRoot ? run('runuser', ['-u', 'postgres', '--', path.join(binDir, bin), ...args]) : run(path.join(binDir, bin), args);

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-pg-'));
  const dataDir = path.join(root, 'data');
  const logFile = path.join(root, 'postgres.log');
  const password = `pw_${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const pwFile = path.join(root, 'pwfile');
  fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (owner) {
    fs.chownSync(root, owner.uid, owner.gid);
    fs.chownSync(pwFile, owner.uid, owner.gid);
  }

  let isStopped = false;
  const stopSync = () => {
    if (isStopped) return;
    isStopped = true;
    try {
      const args = ['-D', dataDir, '-m', 'immediate', 'stop'];
      if (isRoot) execFileSync('runuser', ['-u', 'postgres', '--', path.join(binDir, 'pg_ctl'), ...args], { stdio: 'ignore' });
      else execFileSync(path.join(binDir, 'pg_ctl'), args, { stdio: 'ignore' });
    } catch {
      // Not running (start failed, or already gone).
    }
    fs.rmSync(root, { recursive: true, force: true });
  };
  // A crashed or interrupted test run must not leave a server behind.
  process.once('exit', stopSync);

  try {
    await pgExec('initdb', [
      '-D',
      dataDir,
      '-U',
      SUPERUSER,
      `--pwfile=${pwFile}`,
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C',
      '--no-sync',
      '--no-instructions',
    ]);
    fs.rmSync(pwFile);

    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const serverOptions = [
        `-p ${port}`,
        '-c listen_addresses=127.0.0.1',
        `-k ${root}`,
        '-c max_connections=300',
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c shared_buffers=32MB',
      ].join(' ');
      try {
        await pgExec('pg_ctl', ['-D', dataDir, '-o', serverOptions, '-l', logFile, '-t', '60', '-w', 'start']);
        break;
      } catch (error) {
        // Someone else took the port between the probe and the start: try another one.
        if (attempt >= 3) throw error;
      }
    }

    const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
    return {
      url,
      pid: Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n', 1)[0]),
      createDatabase: (name) => createDatabase(url, name),
      stop: () => {
        process.removeListener('exit', stopSync);
        stopSync();
        return Promise.resolve();
      },
    };
  } catch (error) {
    const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-15).join('\n') : '';
    const stderr = typeof error === 'object' && error && 'stderr' in error ? String(error.stderr).trim() : '';
    process.removeListener('exit', stopSync);
    stopSync();
    throw new Error(
      `cannot start the test PostgreSQL server: ${error instanceof Error ? error.message : String(error)}` +
        (stderr ? `\n${stderr}` : '') +
        (log ? `\n--- postgres.log ---\n${log}` : ''),
    );
  }
}

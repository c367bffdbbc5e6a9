import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from './lock-data-dir';

const CHILD = path.join(__dirname, 'testing', 'data-dir-child.ts');
const ROOT = path.resolve(__dirname, '..', '..');
const children: ChildProcess[] = [];
let dataDir: string;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-lock-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Runs a command in a real second process and collects what it prints. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(command, args, { cwd: ROOT, env: { ...env, NODE_NO_WARNINGS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const waitFor = async (pattern: RegExp) => {
    for (let i = 0; i < 600 && !pattern.test(output) && child.exitCode === null; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(output).toMatch(pattern);
  };
  return { child, waitFor, output: () => output, exited: once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]> };
}

const holdLock = () => run(process.execPath, ['--import', 'tsx', CHILD, 'hold', dataDir]);

describe('the data directory lock', () => {
  it('refuses a second process while the first runs, and takes over after the first is SIGKILLed', async () => {
    const first = holdLock();
    await first.waitFor(/^locked$/m);
    const pid = first.child.pid!;

    const second = holdLock();
    const [code] = await second.exited;
    expect(code).toBe(1);
    expect(second.output().trim()).toBe(`Another Porthole (pid ${pid}) is using the data directory ${dataDir}. Stop it or set PORTHOLE_DATA_DIR.`);
    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);

    first.child.kill('SIGKILL');
    await first.exited;
    // The crashed holder's lock file is still there: a new start takes it over.
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(true);
    const third = holdLock();
    await third.waitFor(/^locked$/m);
    third.child.kill('SIGTERM');
    await third.exited;
    // A clean exit releases the lock.
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  }, 60_000);

  it('stops the real server entry with one clear line when the directory is taken', async () => {
    const holder = holdLock();
    await holder.waitFor(/^locked$/m);
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(PORTHOLE_|DATABASE_URL$|OIDC_)/.test(name)));
    const server = run(process.execPath, ['--import', 'tsx', 'server/index.ts'], { ...env, NODE_ENV: 'production', PORT: '1', PORTHOLE_DATA_DIR: dataDir });
    const [code] = await server.exited;
    expect(code).toBe(1);
    expect(server.output()).toContain(`Another Porthole (pid ${holder.child.pid}) is using the data directory ${dataDir}. Stop it or set PORTHOLE_DATA_DIR.`);
    // It gave up before touching the database or the key.
    expect(fs.readdirSync(dataDir)).toEqual([LOCK_FILE]);
    holder.child.kill('SIGTERM');
    await holder.exited;
  }, 60_000);

  it('takes over a lock whose PID now belongs to another process (a restart reused it)', () => {
    // Our parent is alive, but it did not start at the time the lock says.
    fs.writeFileSync(path.join(dataDir, LOCK_FILE), JSON.stringify({ pid: process.ppid, startTime: '1' }));
    const lock = lockDataDir(dataDir);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  });
});

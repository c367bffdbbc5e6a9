import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '@/test/harness/free-port';
import { createDatabase } from '@/test/harness/postgres';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import { connectTerminal, refusedStatus } from '@/test/harness/terminal-client';
import type { DrainChildInit, DrainChildReply } from './testing/drain-child';

const CHILD = path.join(__dirname, 'testing', 'drain-child.ts');
const ROOT = path.resolve(__dirname, '..', '..');

let sshd: Sshd;
const cleanups: (() => void)[] = [];
beforeAll(async () => {
  sshd = await startSshd();
});
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
afterAll(() => sshd?.stop());

/** A real Porthole server process (drain-child.ts) on its own PostgreSQL database. */
async function startServer({ drainSeconds, isHeld }: { drainSeconds: number; isHeld: boolean }) {
  const databaseUrl = await createDatabase(inject('postgresUrl'), `drain_${process.pid}_${Date.now()}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-drain-'));
  const port = await freePort();
  const child: ChildProcess = fork(CHILD, [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  let logs = '';
  child.stdout?.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  cleanups.push(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    void pool.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const next = (type: DrainChildReply['type']) =>
    new Promise<DrainChildReply>((resolve, reject) => {
      const onMessage = (message: DrainChildReply) => {
        if (message.type === 'failed') reject(new Error(message.message));
        else if (message.type === type) {
          child.off('message', onMessage);
          resolve(message);
        }
      };
      child.on('message', onMessage);
    });
  const ready = next('ready');
  const init: DrainChildInit = { sshd, databaseUrl, dataDir, drainSeconds, isHeld, port };
  child.send(init);
  await ready;
  const base = `http://127.0.0.1:${port}`;
  return {
    child,
    base,
    logs: () => logs,
    pool,
    held: () => next('held'),
    release: () => child.send({ type: 'release' }),
    exited: once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>,
    session: async () => {
      const reply = next('session');
      child.send({ type: 'session' });
      return (await reply) as Extract<DrainChildReply, { type: 'session' }>;
    },
  };
}

describe('graceful shutdown of a real server process', () => {
  it('on SIGTERM: ready turns 503, new sessions are refused, the live terminal is told and its recording sealed, exit 0 in time', async () => {
    const server = await startServer({ drainSeconds: 20, isHeld: true });
    expect((await fetch(`${server.base}/api/health/ready`)).status).toBe(200);
    const { id, wsUrl } = await server.session();
    const term = await connectTerminal(wsUrl, { origin: server.base });
    term.type('echo drain-$((6*7))\n');
    await term.waitFor(/drain-42/);
    const second = await server.session();

    const signalledAt = Date.now();
    const held = server.held();
    server.child.kill('SIGTERM');
    const exit = await term.waitForMessage('exit');
    expect(exit.message).toMatch(/Porthole is restarting/);
    await held;

    // Mid-drain: not ready, no new sessions, and the live one's recording is already sealed.
    const ready = await fetch(`${server.base}/api/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable' });
    expect((await fetch(`${server.base}/api/health/live`)).status).toBe(200);
    expect(await refusedStatus(second.wsUrl, { origin: server.base })).toBe(503);
    const { rows } = await server.pool.query<{ status: string }>('select status from recordings where id = $1', [id]);
    expect(rows[0]?.status).toBe('complete');
    const ended = await server.pool.query<{ status: string; end_message: string }>('select status, end_message from sessions where id = $1', [id]);
    expect(ended.rows[0]).toMatchObject({ status: 'ended', end_message: expect.stringMatching(/Porthole is restarting/) as unknown });

    server.release();
    const [code] = await server.exited;
    expect(code).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(20_000);
    expect(server.logs()).toMatch(/"msg":"drained: exiting"/);
    // Sealed for good: not left for the next start's recovery to call interrupted.
    const after = await server.pool.query<{ status: string }>('select status from recordings where id = $1', [id]);
    expect(after.rows[0]?.status).toBe('complete');
  }, 90_000);

  it('seals the recording of a session that was busy printing before the database closes', async () => {
    const server = await startServer({ drainSeconds: 20, isHeld: false });
    const { id, wsUrl } = await server.session();
    const term = await connectTerminal(wsUrl, { origin: server.base });
    term.type('echo busy-$((6*7)); seq 1 2000000\n');
    await term.waitFor(/busy-42/);
    server.child.kill('SIGTERM');
    const [code] = await server.exited;
    expect(code).toBe(0);
    const { rows } = await server.pool.query<{ status: string }>('select status from recordings where id = $1', [id]);
    expect(rows[0]?.status).toBe('complete');
  }, 90_000);

  it('exits 1 with a log line when the drain outlasts PORTHOLE_DRAIN_SECONDS', async () => {
    const server = await startServer({ drainSeconds: 1, isHeld: true });
    const signalledAt = Date.now();
    const held = server.held();
    server.child.kill('SIGTERM');
    await held;
    const [code] = await server.exited;
    expect(code).toBe(1);
    expect(Date.now() - signalledAt).toBeLessThan(5_000);
    expect(server.logs()).toMatch(/"level":"error".*drain did not finish in time/);
  }, 90_000);
});

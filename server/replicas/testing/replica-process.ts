import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@/test/harness/free-port';
import type { ReplicaChildInit, ReplicaChildMessage } from './replica-child';

const CHILD = path.join(__dirname, 'replica-child.ts');
const ROOT = path.resolve(__dirname, '..', '..', '..');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` every 50 ms until it returns a value (throws after `timeoutMs`). */
export async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

type Reply = Extract<ReplicaChildMessage, { type: 'reply' }>;
type Streamed = Extract<ReplicaChildMessage, { type: 'stream' }>;

/**
 * A real Porthole server process (replica-child.ts), one of several on one database: for the
 * two-replica test and bench:scale. `call` runs one of replica-operations.ts on it.
 */
export async function startReplicaProcess(init: Omit<ReplicaChildInit, 'port' | 'dataDir'>) {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-replica-'));
  const child: ChildProcess = fork(CHILD, [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  let logs = '';
  child.stdout?.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  const replies = new Map<number, Reply>();
  const streamed: Streamed[] = [];
  let state: 'starting' | 'ready' | 'failed' = 'starting';
  let failure = '';
  let isJobRunning = false;
  child.on('message', (message: ReplicaChildMessage) => {
    if (message.type === 'reply') replies.set(message.id, message);
    else if (message.type === 'stream') streamed.push(message);
    else if (message.type === 'job-running') isJobRunning = true;
    else if (message.type === 'ready') state = 'ready';
    else if (message.type === 'failed') [state, failure] = ['failed', message.message];
  });
  const exited = once(child, 'exit');
  child.send({ ...init, port, dataDir } satisfies ReplicaChildInit);
  await until(
    () => {
      if (state === 'failed') throw new Error(`replica failed to start: ${failure}\n${logs}`);
      return state === 'ready' || undefined;
    },
    'a replica to start',
    60_000,
  );
  let nextId = 0;
  const call = async <T>(op: string, args: Record<string, string | number> = {}, timeoutMs = 20_000): Promise<T> => {
    const id = ++nextId;
    child.send({ type: 'request', id, op, args: Object.fromEntries(Object.entries(args).map(([k, v]) => [k, String(v)])) });
    const reply = await until(() => replies.get(id), op, timeoutMs);
    replies.delete(id);
    if (reply.error) throw new Error(`${op}: ${reply.error}`);
    return reply.value as T;
  };
  /** The URL a load balancer would send this ticket's upgrade to, when it picks this replica. */
  const local = (wsUrl: string) => {
    const url = new URL(wsUrl);
    url.protocol = 'ws:';
    url.host = `127.0.0.1:${port}`;
    return url.toString();
  };
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return {
    child,
    port,
    call,
    local,
    /** What `userId`'s live stream on this replica sent, of one event type. */
    streamed: (event: string, userId: string) => streamed.filter((m) => m.event === event && m.userId === userId),
    isJobRunning: () => isJobRunning,
    exited,
    stop,
    logs: () => logs,
  };
}

export type ReplicaProcess = Awaited<ReturnType<typeof startReplicaProcess>>;

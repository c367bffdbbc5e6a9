import path from 'node:path';
import type { Sshd } from '@/test/harness/sshd';
import type { GatewayChildInit, GatewayChildReply } from './gateway-child';
import { stopChild } from './child-processes';
import { forkBundled } from './fork-bundled';

export type GatewayMemory = { rss: number; heap: number; external: number };

/** The gateway child seen from the benchmark: its pid (for /proc) and a way to open sessions. */
export type GatewayProcess = {
  pid: number;
  origin: string;
  /** A fresh session on the benchmark's SSH resource (or its Kubernetes pod); its wsUrl carries a single-use ticket. */
  newSession(kind?: 'ssh' | 'kubernetes'): Promise<string>;
  /** Memory after a full garbage collection in the child. */
  memory(): Promise<GatewayMemory>;
  stop(): Promise<void>;
};

export async function startGatewayProcess(
  sshd: Sshd,
  {
    pipeline = 'configured',
    databaseUrl,
    recordingStore = 'file',
    kube,
  }: {
    pipeline?: GatewayChildInit['pipeline'];
    databaseUrl?: string;
    recordingStore?: GatewayChildInit['recordingStore'];
    kube?: GatewayChildInit['kube'];
  } = {},
): Promise<GatewayProcess> {
  const child = await forkBundled(path.join(__dirname, 'gateway-child.ts'), {
    execArgv: process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROF] : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const ready = new Promise<{ origin: string }>((resolve, reject) => {
    child.on('message', (message: GatewayChildReply) => {
      if (message.type === 'ready') return resolve({ origin: message.origin });
      if (message.type === 'failed' && message.id === undefined) return reject(new Error(`gateway child failed: ${message.message}`));
      if (message.id === undefined) return;
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.type === 'session') waiter?.resolve(message.wsUrl);
      else if (message.type === 'memory') waiter?.resolve({ rss: message.rss, heap: message.heap, external: message.external });
      else waiter?.reject(new Error(message.message));
    });
    child.once('exit', (code) => reject(new Error(`gateway child exited (${code}) before it was ready`)));
  });
  const init: GatewayChildInit = {
    sshd: { host: sshd.host, port: sshd.port, username: sshd.username, privateKey: sshd.privateKey, hostKeyFingerprint: sshd.hostKeyFingerprint },
    pipeline,
    databaseUrl,
    recordingStore,
    kube,
  };
  child.send(init);
  const { origin } = await ready;

  const ask = <T>(type: 'session' | 'memory', kind?: 'ssh' | 'kubernetes') =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: (value) => resolve(value as T), reject });
      child.send({ type, id, kind });
    });

  return {
    pid: child.pid ?? -1,
    origin,
    newSession: (kind) => ask<string>('session', kind),
    memory: () => ask<GatewayMemory>('memory'),
    stop: () => stopChild(child),
  };
}

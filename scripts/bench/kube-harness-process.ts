import { fork } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import WebSocket from 'ws';
import { BENCH_POD, type KubeHarnessChildReply } from './kube-harness-child';
import type { PtyClient } from './pty-clients';

export type KubeHarnessProcess = { pid: number; url: string; caPem: string; token: string; pod: typeof BENCH_POD; stop(): Promise<void> };

export async function startKubeHarnessProcess(): Promise<KubeHarnessProcess> {
  const child = fork(path.join(__dirname, 'kube-harness-child.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  const reply = await new Promise<KubeHarnessChildReply>((resolve, reject) => {
    child.once('message', (message: KubeHarnessChildReply) => resolve(message));
    child.once('exit', (code) => reject(new Error(`kube harness child exited (${code}) before it was ready`)));
  });
  if (reply.type === 'failed') throw new Error(`kube harness child failed: ${reply.message}`);
  return {
    pid: child.pid ?? -1,
    url: reply.url,
    caPem: reply.caPem,
    token: reply.token,
    pod: BENCH_POD,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

const noop = () => undefined;

/**
 * `kubectl exec -it … -- bash` without kubectl: a bare v5.channel.k8s.io client straight to
 * the harness, the Kubernetes counterpart of `ssh -tt` (no gateway in between).
 */
export async function openKubeExecClient(harness: KubeHarnessProcess, label: string): Promise<PtyClient> {
  const { namespace, name, container } = harness.pod;
  const url = `${harness.url.replace('https:', 'wss:')}/api/v1/namespaces/${namespace}/pods/${name}/exec?container=${container}&command=bash&stdin=true&stdout=true&tty=true`;
  const socket = new WebSocket(url, ['v5.channel.k8s.io'], {
    ca: harness.caPem,
    headers: { Authorization: `Bearer ${harness.token}` },
    perMessageDeflate: false,
  });
  let listener: (chunk: Buffer) => void = noop;
  socket.on('message', (data: Buffer) => {
    if (data[0] === 1) listener(data.subarray(1));
  });
  const closed = new Promise<string>((resolve) => socket.once('close', (code) => resolve(`${label} closed (${code})`)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.on('error', noop);
  return {
    label,
    closed,
    send: (data) => socket.send(Buffer.concat([Buffer.from([0]), Buffer.from(data)])),
    setListener: (next) => (listener = next),
    async close() {
      socket.close();
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 200))]);
    },
  };
}

import path from 'node:path';
import WebSocket from 'ws';
import { forkTsxChild, stopChild } from './child-processes';
import { BENCH_POD, type KubeHarnessChildReply } from './kube-harness-child';
import type { PtyClient } from './pty-clients';

export type KubeHarnessProcess = { pid: number; url: string; caPem: string; token: string; pod: typeof BENCH_POD; stop(): Promise<void> };

export async function startKubeHarnessProcess(): Promise<KubeHarnessProcess> {
  const { child, reply } = await forkTsxChild<KubeHarnessChildReply>(path.join(__dirname, 'kube-harness-child.ts'), 'kube harness child');
  if (reply.type !== 'ready') throw new Error('kube harness child did not start');
  return { pid: child.pid ?? -1, url: reply.url, caPem: reply.caPem, token: reply.token, pod: BENCH_POD, stop: () => stopChild(child) };
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

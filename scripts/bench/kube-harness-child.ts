import { startKubeHarness } from '@/test/harness/kube/start-kube-harness';

/**
 * The Kubernetes exec harness (test/harness/kube) in a process of its own, for bench:terminal:
 * its PTY reads and WebSocket writes must not share the benchmark's event loop, which reads
 * every contender's output. Parent → child: nothing; child → parent: the harness's address.
 */

export const BENCH_POD = { namespace: 'bench', name: 'shell-0', container: 'shell' };

export type KubeHarnessChildReply = { type: 'ready'; url: string; caPem: string; token: string } | { type: 'failed'; message: string };

async function main(): Promise<void> {
  const harness = await startKubeHarness({
    pods: [{ namespace: BENCH_POD.namespace, name: BENCH_POD.name, labels: { app: 'bench' }, containers: [BENCH_POD.container] }],
  });
  const stop = () => void harness.close().finally(() => process.exit(0));
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  process.send?.({ type: 'ready', url: harness.url, caPem: harness.caPem, token: harness.token } satisfies KubeHarnessChildReply);
}

if (process.send) {
  main().catch((error: unknown) => {
    process.send?.({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies KubeHarnessChildReply);
    process.exit(1);
  });
}

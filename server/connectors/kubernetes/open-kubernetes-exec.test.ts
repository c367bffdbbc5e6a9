import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKubeHarness, type KubeHarness } from '@/test/harness/kube/start-kube-harness';
import { ConnectorError } from '../connector-error';
import type { TerminalExit } from '../terminal-connector';
import type { KubeEndpoint } from './kube-endpoint';
import { openKubernetesExec } from './open-kubernetes-exec';

let kube: KubeHarness;
let other: KubeHarness;
beforeAll(async () => {
  [kube, other] = await Promise.all([startKubeHarness({ pods: [{ namespace: 'web', name: 'web-0', containers: ['app'] }] }), startKubeHarness({ pods: [] })]);
});
afterAll(async () => {
  await Promise.all([kube?.close(), other?.close()]);
});

const endpoint = (overrides: Partial<KubeEndpoint> = {}): KubeEndpoint => {
  const url = new URL(kube.url);
  return { apiUrl: kube.url, host: url.hostname, port: Number(url.port), ca: kube.caPem, token: kube.token, ...overrides };
};
const TARGET = { namespace: 'web', pod: 'web-0', container: 'app' };
const SIZE = { cols: 80, rows: 24 };

function collector() {
  let output = '';
  let exit: TerminalExit | undefined;
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((resolve) => resolve());
  const until = async (test: () => boolean, what: string) => {
    const deadline = Date.now() + 20_000;
    while (!test()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; output: ${JSON.stringify(output.slice(-300))}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  };
  return {
    handlers: {
      onData: (chunk: Buffer) => ((output += chunk.toString('utf8')), wake()),
      onDrain: () => undefined,
      onExit: (e: TerminalExit) => ((exit = e), wake()),
    },
    output: () => output,
    waitFor: (pattern: RegExp) => until(() => pattern.test(output), String(pattern)),
    exited: async () => (await until(() => exit !== undefined, 'the exit'), exit!),
  };
}

async function refusal(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describe('openKubernetesExec against the exec harness', () => {
  it('opens a TTY shell in the container, pauses its output, and reports the exit code', async () => {
    const c = collector();
    const exec = await openKubernetesExec(endpoint(), TARGET, { cols: 91, rows: 27 }, c.handlers);
    exec.write(Buffer.from('stty size\n'));
    await c.waitFor(/27 91/);
    exec.pause();
    const before = c.output().length;
    exec.write(Buffer.from('echo paused-$((1+1))\n'));
    // Paused: nothing is read from the socket, so nothing is handed on (the shell has long answered).
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(c.output().length).toBe(before);
    exec.resume();
    await c.waitFor(/paused-2/);
    exec.write(Buffer.from('exit 7\n'));
    expect(await c.exited()).toEqual({ reason: 'user_exit', message: 'The shell exited with code 7.', exitCode: 7 });
  });

  it('says when its input buffer is full, and when it drained; every byte arrives', async () => {
    const c = collector();
    let drains = 0;
    const exec = await openKubernetesExec(endpoint(), TARGET, SIZE, { ...c.handlers, onDrain: () => (drains += 1) });
    const size = 4 * 1024 * 1024;
    exec.write(Buffer.from(`stty -echo; echo sink-$((1+1)); head -c ${size} > /dev/null; echo got-$((2+2))\n`));
    await c.waitFor(/sink-2/);
    // Short lines: the terminal's line discipline takes them as they come.
    expect(exec.write(Buffer.from(`${'x'.repeat(63)}\n`.repeat(size / 64)))).toBe(false);
    await c.waitFor(/got-4/);
    expect(drains).toBe(1);
    exec.write(Buffer.from('exit\n'));
    expect((await c.exited()).exitCode).toBe(0);
  });

  it('says clearly why it cannot open: token, pod, container, CA, nothing listening', async () => {
    const { handlers } = collector();
    const badToken = await refusal(openKubernetesExec(endpoint({ token: 'nope' }), TARGET, SIZE, handlers));
    expect(badToken).toMatchObject({ code: 'auth_failed' });
    expect(badToken.userMessage).toMatch(/rejected the stored token \(401\)/);
    expect((await refusal(openKubernetesExec(endpoint(), { ...TARGET, pod: 'web-9' }, SIZE, handlers))).userMessage).toMatch(/^Not found: pod web\/web-9/);
    expect((await refusal(openKubernetesExec(endpoint(), { ...TARGET, container: 'db' }, SIZE, handlers))).userMessage).toMatch(/container db/);
    const wrongCa = await refusal(openKubernetesExec(endpoint({ ca: other.caPem }), TARGET, SIZE, handlers));
    expect(wrongCa.userMessage).toMatch(/does not verify against the resource's CA/);
    const noCa = await refusal(openKubernetesExec(endpoint({ ca: undefined }), TARGET, SIZE, handlers));
    expect(noCa.userMessage).toMatch(/does not verify/);
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as net.AddressInfo;
        server.close(() => resolve(free));
      });
    });
    const refused = await refusal(openKubernetesExec(endpoint({ port, apiUrl: `https://127.0.0.1:${port}` }), TARGET, SIZE, handlers));
    expect(refused).toMatchObject({ code: 'connection_refused' });
  });
});

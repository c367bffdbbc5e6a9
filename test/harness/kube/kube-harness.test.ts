import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawn as spawnPty, type IPty } from 'node-pty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startKubeHarness, type KubeHarness, type KubePod } from './start-kube-harness';

/*
 * The proof that the harness speaks Kubernetes: the real kubectl lists pods and opens
 * `exec -it` through it. Porthole's own client is tested against the harness elsewhere.
 */

const KUBECTL = '/usr/bin/kubectl';

type Run = { code: number; stdout: string; stderr: string };

function run(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { env, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** kubectl's minor version; exec over WebSocket is its default from 1.30 (older ones speak SPDY only). */
async function kubectlMinor(): Promise<number> {
  const { code, stdout, stderr } = await run(KUBECTL, ['version', '--client', '-o', 'json'], { ...process.env });
  if (code !== 0) throw new Error(`${KUBECTL} did not run (${stderr.trim() || code}): scripts/ensure-os-packages.sh installs it`);
  const minor = (JSON.parse(stdout) as { clientVersion: { major: string; minor: string } }).clientVersion;
  return minor.major === '1' ? Number.parseInt(minor.minor, 10) : 99;
}

const minor = await kubectlMinor();
const speaksWebSocket = minor >= 30;
if (!speaksWebSocket) console.warn(`kubectl 1.${minor} execs over SPDY only (WebSocket from 1.30): the kubectl exec -it case is skipped; get pods still runs.`);

const PODS: KubePod[] = [
  { namespace: 'shop', name: 'web-0', labels: { app: 'web', tier: 'front' }, containers: ['app', 'sidecar'] },
  { namespace: 'shop', name: 'web-1', labels: { app: 'web' }, containers: ['app'] },
  { namespace: 'shop', name: 'db-0', labels: { app: 'db' }, containers: ['postgres'] },
  { namespace: 'ops', name: 'tools-0', containers: ['tools'] },
];

let harness: KubeHarness;
let dir: string;
let env: NodeJS.ProcessEnv;

async function writeKubeconfig(name: string, token: string): Promise<string> {
  const file = path.join(dir, name);
  // JSON is YAML: kubectl reads it as is.
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'harness', cluster: { server: harness.url, 'certificate-authority-data': Buffer.from(harness.caPem).toString('base64') } }],
    users: [{ name: 'engineer', user: { token } }],
    contexts: [{ name: 'harness', context: { cluster: 'harness', user: 'engineer', namespace: 'shop' } }],
    'current-context': 'harness',
  };
  await fs.writeFile(file, JSON.stringify(config), { mode: 0o600 });
  return file;
}

const kubectl = async (kubeconfig: string, ...args: string[]) => run(KUBECTL, ['--kubeconfig', kubeconfig, ...args], env);

beforeAll(async () => {
  harness = await startKubeHarness({ pods: PODS, token: 'harness-token-1', allowed: { namespaces: ['shop'] } });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'porthole-kubectl-'));
  // kubectl caches discovery under $HOME/.kube: a fresh HOME keeps runs apart.
  env = { ...process.env, HOME: dir, TERM: 'xterm-256color' };
});

afterAll(async () => {
  await harness?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe('kubectl get through the harness', () => {
  it('lists the pods of a namespace, all namespaces, and filters by label', async () => {
    const kubeconfig = await writeKubeconfig('good.json', harness.token);
    const shop = await kubectl(kubeconfig, 'get', 'pods', '-n', 'shop');
    expect(shop.stderr).toBe('');
    expect(shop.code).toBe(0);
    expect(shop.stdout).toMatch(/^NAME\s+READY\s+STATUS/);
    expect(shop.stdout.match(/^\S+/gm)).toEqual(['NAME', 'web-0', 'web-1', 'db-0']);
    expect(shop.stdout).toMatch(/web-0\s+2\/2\s+Running/);

    const web = await kubectl(kubeconfig, 'get', 'pods', '-n', 'shop', '-l', 'app=web,tier!=front', '-o', 'name');
    expect(web.stdout.trim().split('\n')).toEqual(['pod/web-1']);

    const all = await kubectl(kubeconfig, 'get', 'pods', '-A', '-o', 'jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name} {end}');
    expect(all.stdout.trim().split(' ')).toEqual(['shop/web-0', 'shop/web-1', 'shop/db-0', 'ops/tools-0']);

    const missing = await kubectl(kubeconfig, 'get', 'pod', 'nope', '-n', 'shop');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('pods "nope" not found');
  }, 90_000);

  it('refuses a wrong token as the API server does (401 Unauthorized)', async () => {
    const kubeconfig = await writeKubeconfig('bad.json', 'not-the-token');
    const result = await kubectl(kubeconfig, 'get', 'pods', '-n', 'shop');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Unauthorized');
    expect(result.stdout).toBe('');
  });
});

/** A kubectl under a PTY (it needs a terminal on stdin for -it); `waitFor` resolves on output, not on time. */
function terminal(args: string[], cols: number, rows: number) {
  const pty: IPty = spawnPty(KUBECTL, args, { name: 'xterm-256color', cols, rows, cwd: dir, env });
  let output = '';
  const waiters = new Set<() => void>();
  pty.onData((data) => {
    output += data;
    for (const check of waiters) check();
  });
  const exited = new Promise<number>((resolve) => pty.onExit(({ exitCode }) => resolve(exitCode)));
  const waitFor = (pattern: RegExp, retype?: string) =>
    new Promise<void>((resolve, reject) => {
      const start = output.length;
      const retry = retype ? setInterval(() => pty.write(retype), 1_000) : undefined;
      const timer = setTimeout(() => finish(new Error(`no ${pattern} in: ${JSON.stringify(output.slice(start))}`)), 30_000);
      const finish = (error?: Error) => {
        clearTimeout(timer);
        clearInterval(retry);
        waiters.delete(check);
        if (error) reject(error);
        else resolve();
      };
      const check = () => (pattern.test(output.slice(start)) ? finish() : undefined);
      waiters.add(check);
      if (retype) pty.write(retype);
      check();
    });
  return { pty, exited, waitFor, output: () => output };
}

describe('kubectl exec -it through the harness', () => {
  it.skipIf(!speaksWebSocket)(
    'runs a shell on a PTY, relays resize, and ends with the exit code',
    async () => {
      const kubeconfig = await writeKubeconfig('exec.json', harness.token);
      const shell = terminal(['--kubeconfig', kubeconfig, 'exec', '-it', '-n', 'shop', 'web-0', '-c', 'sidecar', '--', 'bash'], 100, 30);
      await shell.waitFor(/web-0\$ /);
      shell.pty.write('echo hello-$((6*7))\r');
      await shell.waitFor(/hello-42/);

      // kubectl sends the size it starts with, and a new one on SIGWINCH (channel 4). Typing
      // races the resize message, so `stty size` is retyped until the inner PTY shows it.
      await shell.waitFor(/30 100/, 'stty size\r');
      shell.pty.resize(120, 40);
      await shell.waitFor(/40 120/, 'stty size\r');

      shell.pty.write('exit 3\r');
      expect(await shell.exited).toBe(3);
      expect(harness.execs.at(-1)).toEqual({
        namespace: 'shop',
        pod: 'web-0',
        container: 'sidecar',
        command: ['bash'],
        tty: true,
        protocol: 'v5.channel.k8s.io',
      });
    },
    90_000,
  );

  it.skipIf(!speaksWebSocket)(
    'passes piped stdin and its end (v5 close) to a command without a TTY',
    async () => {
      const kubeconfig = await writeKubeconfig('pipe.json', harness.token);
      const child = spawn(KUBECTL, ['--kubeconfig', kubeconfig, 'exec', '-i', '-n', 'shop', 'web-1', '--', 'sh', '-c', 'cat; echo done >&2'], { env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      child.stdin.end('from-stdin\n');
      const [code] = (await once(child, 'exit')) as [number];
      expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: 'from-stdin\n', stderr: 'done\n' });
      expect(harness.execs.at(-1)).toMatchObject({ pod: 'web-1', container: 'app', command: ['sh', '-c', 'cat; echo done >&2'], tty: false });
    },
    90_000,
  );

  it('says which pod was not found, before any stream opens', async () => {
    const kubeconfig = await writeKubeconfig('missing.json', harness.token);
    const before = harness.execs.length;
    const result = await kubectl(kubeconfig, 'exec', '-n', 'shop', 'nope', '--', 'true');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pods "nope" not found');
    expect(harness.execs.length).toBe(before);
  });
});

type RawExec = { protocol: string; stdout: string; status: unknown };

/** A bare `ws` exec client: sends `frames` once open, collects channel 1 and 3 until the server closes. */
function rawExec(query: string, protocols: string[], frames: Buffer[]): Promise<RawExec> {
  const socket = new WebSocket(`${harness.url.replace('https', 'wss')}/api/v1/namespaces/shop/pods/web-1/exec?${query}`, protocols, {
    ca: harness.caPem,
    headers: { Authorization: `Bearer ${harness.token}` },
  });
  let stdout = '';
  let status: unknown;
  return new Promise((resolve, reject) => {
    socket.on('open', () => frames.forEach((frame) => socket.send(frame)));
    socket.on('message', (data: Buffer) => {
      if (data[0] === 1) stdout += data.subarray(1).toString('utf8');
      if (data[0] === 3) status = JSON.parse(data.subarray(1).toString('utf8'));
    });
    socket.on('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.on('error', reject);
    socket.on('close', () => resolve({ protocol: socket.protocol, stdout, status }));
  });
}

const channel = (id: number, data: string) => Buffer.concat([Buffer.from([id]), Buffer.from(data)]);
const TTY_BASH = 'container=app&command=bash&stdin=true&stdout=true&tty=true';

describe('exec over a bare WebSocket', () => {
  it('falls back to v4.channel.k8s.io for a client that offers only v4, resize and status included', async () => {
    const result = await rawExec(TTY_BASH, ['v4.channel.k8s.io'], [channel(4, '{"Width":77,"Height":11}'), channel(0, 'stty size; exit 5\r')]);
    expect(result.protocol).toBe('v4.channel.k8s.io');
    expect(result.stdout).toContain('11 77');
    expect(result.status).toEqual({
      metadata: {},
      status: 'Failure',
      message: 'command terminated with non-zero exit code: exit status 5',
      reason: 'NonZeroExitCode',
      details: { causes: [{ reason: 'ExitCode', message: '5' }] },
    });
  });

  it('prefers v5 when offered with v4, and reports success', async () => {
    const result = await rawExec('container=app&command=echo&command=hi there&stdout=true', ['v4.channel.k8s.io', 'v5.channel.k8s.io'], []);
    expect(result).toEqual({ protocol: 'v5.channel.k8s.io', stdout: 'hi there\n', status: { metadata: {}, status: 'Success' } });
  });

  it('gives a bash started through sh -c the same stable prompt', async () => {
    const query = `container=app&command=/bin/sh&command=-c&command=${encodeURIComponent('exec bash')}&stdin=true&stdout=true&tty=true`;
    const result = await rawExec(query, ['v5.channel.k8s.io'], [channel(0, 'exit\r')]);
    expect(result.stdout).toContain('web-1$ exit');
    expect(result.status).toEqual({ metadata: {}, status: 'Success' });
  });

  it('answers an unknown container or a bad token with a Status before the upgrade', async () => {
    await expect(rawExec('container=nope&command=bash&stdin=true&tty=true', ['v5.channel.k8s.io'], [])).rejects.toThrow('HTTP 404');
    const response = await fetchStatus(`${harness.url}/api/v1/namespaces/shop/pods/web-1/exec?container=nope&command=bash&stdin=true`, harness.token);
    expect(response).toMatchObject({ code: 404, body: { kind: 'Status', reason: 'NotFound', message: 'container "nope" not found in pod "web-1"' } });
    expect(await fetchStatus(`${harness.url}/api/v1/namespaces/shop/pods`, 'wrong')).toMatchObject({
      code: 401,
      body: { kind: 'Status', reason: 'Unauthorized' },
    });
  });
});

/** A WebSocket handshake by hand (fetch cannot send Upgrade), to read the Status a refusal carries. */
async function fetchStatus(url: string, token: string): Promise<{ code: number; body: unknown }> {
  const https = await import('node:https');
  return new Promise((resolve, reject) => {
    const request = https.request(url, {
      ca: harness.caPem,
      headers: {
        Authorization: `Bearer ${token}`,
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    });
    request.on('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => resolve({ code: response.statusCode ?? 0, body: JSON.parse(text) as unknown }));
    });
    request.on('upgrade', () => reject(new Error('upgraded')));
    request.on('error', reject);
    request.end();
  });
}

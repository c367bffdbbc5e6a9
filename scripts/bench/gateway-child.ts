import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { UpgradeHandler } from '@/server/http/upgrade-router';
import type { CreateSessionInput } from '@/server/sessions/session-schemas';

/**
 * The gateway under test, in its own process so its CPU and memory can be read from
 * /proc/<pid>: the real upgrade handler (server/gateway) on a bare http server, its own
 * database (PostgreSQL, or PGlite in memory), one engineer and one SSH resource pointing at
 * the benchmark's sshd.
 *
 * Parent → child (IPC): { type: 'session' } → { type: 'session', wsUrl };
 * { type: 'memory' } → a full garbage collection, then { type: 'memory', rss, heap, external }.
 */

export type GatewayChildInit = {
  sshd: { host: string; port: number; username: string; privateKey: string; hostKeyFingerprint: string };
  /**
   * `configured`: the real handler (server/gateway/session-gateway.ts) with the pipeline
   * stages Porthole installs (recorder, masker). `pass-through`: the same authorization and
   * TerminalSession with empty stages, the bare relay this targets are about.
   */
  pipeline: 'configured' | 'pass-through';
  /** A PostgreSQL database of its own; without one, PGlite in memory. */
  databaseUrl?: string;
  /** Where recordings go: files under the data directory, or that PostgreSQL database. */
  recordingStore: 'file' | 'postgres';
  /** The Kubernetes exec harness (bench:terminal's Kubernetes path): a second resource, pod as session target. */
  kube?: { url: string; caPem: string; token: string; namespace: string; pod: string; container: string };
};

export type GatewayChildReply =
  | { type: 'ready'; port: number; origin: string }
  | { type: 'session'; id: number; wsUrl: string }
  | { type: 'memory'; id: number; rss: number; heap: number; external: number }
  | { type: 'failed'; id?: number; message: string };

type Request = { type: 'session' | 'memory'; id: number; kind?: 'ssh' | 'kubernetes' };

/*
 * gc() without --expose-gc on the command line: worker threads the gateway starts (the
 * recording indexer) inherit execArgv, and Worker refuses that flag.
 */
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

function reply(message: GatewayChildReply): void {
  process.send?.(message);
}

async function main(init: GatewayChildInit): Promise<void> {
  const server = http.createServer((_req, res) => {
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const origin = `http://127.0.0.1:${port}`;

  // server/env.ts reads these once, on first use: set them before importing server code.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-bench-'));
  Object.assign(process.env, {
    NODE_ENV: 'production',
    PORTHOLE_PUBLIC_URL: origin,
    PORTHOLE_SECRET_KEY: randomBytes(32).toString('hex'),
    PORTHOLE_DATA_DIR: dataDir,
    PORTHOLE_DEMO: '0',
    PORTHOLE_RECORDING_STORE: init.recordingStore,
    ...(init.databaseUrl ? { DATABASE_URL: init.databaseUrl } : {}),
  });
  process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));

  const { openDb, setDb } = await import('@/db/client');
  const { confirmHostKey } = await import('@/server/resources/confirm-host-key');
  const { toActor } = await import('@/server/actor/actor');
  const { findUserById } = await import('@/server/users/find-user');
  const { createUser } = await import('@/server/users/create-user');
  const { createResource } = await import('@/server/resources/create-resource');
  const { createSession } = await import('@/server/sessions/create-session');
  const { createSessionGateway } = await import('@/server/gateway/session-gateway');
  const { UpgradeRouter } = await import('@/server/http/upgrade-router');

  setDb(await openDb(init.databaseUrl ? { driver: 'postgres', url: init.databaseUrl } : { driver: 'pglite' }));
  const user = await createUser({
    actor: null,
    input: { email: 'bench@porthole.test', name: 'Bench', password: randomBytes(12).toString('hex'), roles: ['engineer'] },
  });
  const userRow = await findUserById(user.id);
  if (!userRow) throw new Error('bench user vanished');
  const actor = toActor(userRow, 'session');
  const resource = await createResource({
    actor: null,
    input: {
      type: 'ssh',
      name: 'bench-sshd',
      host: init.sshd.host,
      port: init.sshd.port,
      username: init.sshd.username,
      privateKey: init.sshd.privateKey,
      allowedRoles: ['engineer'],
    },
  });
  // What an admin does by confirming the fingerprint shown when the resource was added.
  const admin = await createUser({
    actor: null,
    input: { email: 'bench-admin@porthole.test', name: 'Bench admin', password: randomBytes(12).toString('hex'), roles: ['admin'] },
  });
  const adminRow = await findUserById(admin.id);
  if (!adminRow) throw new Error('bench admin vanished');
  await confirmHostKey({ actor: toActor(adminRow, 'session'), resourceId: resource.id, input: { fingerprint: init.sshd.hostKeyFingerprint } });

  const kubernetes = init.kube ? await kubernetesTarget(init.kube) : undefined;

  const handleUpgrade = init.pipeline === 'configured' ? createSessionGateway().handleUpgrade : await passThroughGateway();
  const router = new UpgradeRouter().add('/ws/sessions/:id', handleUpgrade);
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    router.handle(req, socket, head);
  });

  const sessionInput = (kind: Request['kind']): Promise<CreateSessionInput> => {
    if (kind !== 'kubernetes') return Promise.resolve({ resourceId: resource.id });
    return kubernetes ? kubernetes() : Promise.reject(new Error('this gateway has no Kubernetes resource'));
  };
  process.on('message', (message: Request) =>
    answer(message, (kind) => sessionInput(kind).then(async (input) => (await createSession({ actor, input })).wsUrl)),
  );
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
  reply({ type: 'ready', port, origin });
}

/** One request from the parent: a new session's wsUrl, or the memory after a full collection. */
function answer(message: Request, openSession: (kind: Request['kind']) => Promise<string>): void {
  if (message.type === 'memory') {
    // Compare settled heaps: without a collection, garbage from start-up blurs the figure.
    collectGarbage();
    const usage = process.memoryUsage();
    reply({ type: 'memory', id: message.id, rss: usage.rss, heap: usage.heapUsed, external: usage.external });
    return;
  }
  if (message.type !== 'session') return;
  openSession(message.kind).then(
    (wsUrl) => reply({ type: 'session', id: message.id, wsUrl }),
    (error: unknown) => reply({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) }),
  );
}

/**
 * The harness's cluster as a kubernetes resource, and the session input for its pod. Creating
 * the resource asks the harness what the token may do; if that fails the Kubernetes sessions
 * fail with its message (the contender is skipped) and the SSH ones go on.
 */
async function kubernetesTarget(
  kube: NonNullable<GatewayChildInit['kube']>,
): Promise<() => Promise<{ resourceId: string; target: { namespace: string; pod: string; container: string } }>> {
  const { createResource } = await import('@/server/resources/create-resource');
  const created = createResource({
    actor: null,
    input: {
      type: 'kubernetes',
      name: 'bench-kube',
      apiUrl: kube.url,
      tls: { ca: kube.caPem },
      namespaces: [kube.namespace],
      token: kube.token,
      allowedRoles: ['engineer'],
    },
  });
  created.catch(() => undefined);
  return async () => ({ resourceId: (await created).id, target: { namespace: kube.namespace, pod: kube.pod, container: kube.container } });
}

/** session-gateway.ts's upgrade path, minus the pipeline stages. */
async function passThroughGateway(): Promise<UpgradeHandler> {
  const { WebSocketServer } = await import('ws');
  const { authorizeUpgrade } = await import('@/server/gateway/authorize-upgrade');
  const { connectTerminal } = await import('@/server/gateway/connect-terminal');
  const { passThrough } = await import('@/server/relay/pipeline');
  const { MAX_INBOUND_FRAME_BYTES } = await import('@/server/gateway/protocol');
  const { TerminalSession } = await import('@/server/gateway/terminal-session');
  const { terminalSizeFromUrl } = await import('@/server/gateway/terminal-size');
  const { rejectUpgrade } = await import('@/server/http/upgrade-router');
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_INBOUND_FRAME_BYTES, perMessageDeflate: false, clientTracking: false });
  const slots = { masker: passThrough, recorder: passThrough };
  return (req, socket, head, params) => {
    authorizeUpgrade(req, params.id ?? '').then(
      (decision) => {
        if (!decision.isAllowed) return rejectUpgrade(socket, decision.status, decision.reason);
        const size = terminalSizeFromUrl(new URL(req.url ?? '/', 'http://localhost'));
        wss.handleUpgrade(req, socket, head, (ws) => {
          const terminal = new TerminalSession({
            ws,
            session: decision.session,
            resource: decision.resource,
            size,
            slots: { output: slots, input: slots },
            connect: connectTerminal,
          });
          void terminal.start();
        });
      },
      () => rejectUpgrade(socket, 503, 'Service Unavailable'),
    );
  };
}

process.once('message', (init: GatewayChildInit) => {
  main(init).catch((error: unknown) => {
    reply({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  });
});

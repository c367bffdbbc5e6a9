import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

/**
 * The gateway for the recording-on/off throughput comparison, in its own process so its CPU
 * can be read from /proc. Two routes share one process and one resource:
 *   /ws/sessions/:id  the real gateway (session-gateway.ts): masker and recorder slots filled
 *   /ws/norec/:id     the same TerminalSession and slots, the recorder slot pass-through
 * Recording cannot be switched off in Porthole; this bench-only route is how "off" is measured.
 *
 * Parent → child (IPC): init (ReplayGatewayInit) → { type: 'ready', origin };
 *   { type: 'session', id } → { type: 'session', id, wsUrl }
 *   { type: 'indexing', id } → { type: 'indexing', id, jobs } (recordings being indexed or waiting)
 */

export type ReplayStore = 'file' | 'postgres' | 's3';
export type ReplayGatewayInit = {
  sshd: { host: string; port: number; username: string; privateKey: string; hostKeyFingerprint: string };
  /** Where recordings go; the PostgreSQL and S3 stores need `databaseUrl` (S3 keeps its live tail there). */
  store: ReplayStore;
  databaseUrl?: string;
  /** An S3-protocol server (s3rver in the benchmark) and its bucket. */
  s3?: { endpoint: string; bucket: string; accessKeyId: string; secretAccessKey: string };
};
type Init = ReplayGatewayInit;

/** The gateway's environment, with the store asked for (read through server/env.ts). */
function gatewayEnv(init: Init, origin: string, dataDir: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PORTHOLE_PUBLIC_URL: origin,
    PORTHOLE_SECRET_KEY: randomBytes(32).toString('hex'),
    PORTHOLE_DATA_DIR: dataDir,
    PORTHOLE_DEMO: '0',
    PORTHOLE_RECORDING_STORE: init.store,
    ...(init.databaseUrl ? { DATABASE_URL: init.databaseUrl } : {}),
    ...(init.s3
      ? {
          PORTHOLE_S3_BUCKET: init.s3.bucket,
          PORTHOLE_S3_ENDPOINT: init.s3.endpoint,
          PORTHOLE_S3_FORCE_PATH_STYLE: '1',
          AWS_ACCESS_KEY_ID: init.s3.accessKeyId,
          AWS_SECRET_ACCESS_KEY: init.s3.secretAccessKey,
        }
      : {}),
  };
}

function reply(message: unknown): void {
  process.send?.(message);
}

async function main(init: Init): Promise<void> {
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-bench-replay-gw-'));
  Object.assign(process.env, gatewayEnv(init, origin, dataDir));
  process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));

  const { WebSocketServer } = await import('ws');
  const { openDb, setDb } = await import('@/db/client');
  const { toActor } = await import('@/server/actor/actor');
  const { findUserById } = await import('@/server/users/find-user');
  const { createUser } = await import('@/server/users/create-user');
  const { createResource } = await import('@/server/resources/create-resource');
  const { confirmHostKey } = await import('@/server/resources/confirm-host-key');
  const { createSession } = await import('@/server/sessions/create-session');
  const { createSessionGateway } = await import('@/server/gateway/session-gateway');
  const { authorizeUpgrade } = await import('@/server/gateway/authorize-upgrade');
  const { connectTerminal } = await import('@/server/gateway/connect-terminal');
  const { passThrough } = await import('@/server/relay/pipeline');
  const { createPipelineSlots } = await import('@/server/gateway/pipeline-slots');
  const { TerminalSession } = await import('@/server/gateway/terminal-session');
  const { terminalSizeFromUrl } = await import('@/server/gateway/terminal-size');
  const { UpgradeRouter, rejectUpgrade } = await import('@/server/http/upgrade-router');

  setDb(await openDb(init.databaseUrl ? { driver: 'postgres', url: init.databaseUrl } : { driver: 'pglite' }));
  const user = await createUser({
    actor: null,
    input: { email: 'bench@porthole.test', name: 'Bench', password: randomBytes(12).toString('hex'), roles: ['engineer', 'admin'] },
  });
  const actor = toActor((await findUserById(user.id))!, 'session');
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
  await confirmHostKey({ actor, resourceId: resource.id, input: { fingerprint: init.sshd.hostKeyFingerprint } });

  const gateway = createSessionGateway();
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, clientTracking: false });
  const router = new UpgradeRouter().add('/ws/sessions/:id', gateway.handleUpgrade).add('/ws/norec/:id', (req, socket, head, params) => {
    void (async () => {
      const decision = await authorizeUpgrade(req, params.id ?? '');
      if (!decision.isAllowed) return rejectUpgrade(socket, decision.status, decision.reason);
      const size = terminalSizeFromUrl(new URL(req.url ?? '/', 'http://localhost'));
      // The slots Porthole installs (the masker too), with the recorder taken out.
      const installed = await createPipelineSlots({ sessionId: decision.session.id, userId: decision.session.userId, resourceId: decision.resource.id, size });
      const slots = { output: { ...installed.output, recorder: passThrough }, input: { ...installed.input, recorder: passThrough } };
      wss.handleUpgrade(
        req,
        socket,
        head,
        (ws) => void new TerminalSession({ ws, session: decision.session, resource: decision.resource, size, slots, connect: connectTerminal }).start(),
      );
    })();
  });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    router.handle(req, socket, head);
  });

  const { indexingJobCount } = await import('@/server/recording/index-queue');
  process.on('message', (message: { type: 'session' | 'indexing'; id: number }) => {
    if (message.type === 'indexing') return reply({ type: 'indexing', id: message.id, jobs: indexingJobCount() });
    if (message.type !== 'session') return;
    createSession({ actor, input: { resourceId: resource.id } }).then(
      (created) => reply({ type: 'session', id: message.id, wsUrl: created.wsUrl }),
      (error: unknown) => reply({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
  reply({ type: 'ready', origin });
}

process.once('message', (init: Init) => {
  main(init).catch((error: unknown) => {
    reply({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  });
});

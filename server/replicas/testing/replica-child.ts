/**
 * One Porthole replica for the two-replica test, wired as server/index.ts wires it (database,
 * jobs with replica heartbeat and leadership, the gateway, the HTTP server with upgrades) with
 * a 404 in place of Next.js. Both replicas share one PostgreSQL database and secret key.
 *
 * Parent → child (IPC): an init message, then requests `{ id, op, args }` answered with
 * `{ id, value }` or `{ id, error }`; the child also sends `{ type: 'stream', event, data }`
 * (a user's live stream it opened) and `{ type: 'job-running' }` (the held test job started).
 */
export type ReplicaChildInit = {
  databaseUrl: string;
  dataDir: string;
  port: number;
  publicUrl: string;
  secretKey: string;
  replicaTimeoutSeconds: number;
};

export type { ReplicaChildMessage } from './replica-messages';
import type { ReplicaChildMessage } from './replica-messages';

type Request = { type: 'request'; id: number; op: string; args: Record<string, string> };

const send = (message: ReplicaChildMessage) => process.send?.(message);

async function main(init: ReplicaChildInit): Promise<void> {
  Object.assign(process.env, {
    NODE_ENV: 'production',
    PORT: String(init.port),
    PORTHOLE_SECRET_KEY: init.secretKey,
    PORTHOLE_DATA_DIR: init.dataDir,
    PORTHOLE_DEMO: '0',
    DATABASE_URL: init.databaseUrl,
    PORTHOLE_REPLICA_TIMEOUT_SECONDS: String(init.replicaTimeoutSeconds),
    LOG_LEVEL: 'warn',
    PORTHOLE_PUBLIC_URL: init.publicUrl,
  });
  const { openDb, setDb } = await import('@/db/client');
  const { createHttpServer } = await import('@/server/http/create-http-server');
  const { startGateway } = await import('@/server/gateway/start-gateway');
  const { UpgradeRouter } = await import('@/server/http/upgrade-router');
  const { startJobs } = await import('@/server/jobs/start-jobs');
  const handle = await openDb({ driver: 'postgres', url: init.databaseUrl });
  setDb(handle);
  startJobs();
  const router = new UpgradeRouter();
  await startGateway({ router, driver: 'postgres', isDemo: false, dataDir: init.dataDir });
  const server = createHttpServer({
    handleRequest: async (_req, res) => void res.writeHead(404).end(),
    handleSocketUpgrade: (req, socket, head) => router.handle(req, socket, head),
  });
  await new Promise<void>((resolve) => server.listen(init.port, '127.0.0.1', resolve));
  const { operations } = await import('./replica-operations');
  process.on('message', (message: Request) => {
    if (message.type !== 'request') return;
    const operation = operations[message.op];
    if (!operation) return send({ type: 'reply', id: message.id, error: `no operation ${message.op}` });
    operation(message.args, send).then(
      (value) => send({ type: 'reply', id: message.id, value }),
      (error: unknown) => send({ type: 'reply', id: message.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  send({ type: 'ready' });
}

process.once('message', (init: ReplicaChildInit) => {
  main(init).catch((error: unknown) => {
    send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  });
});

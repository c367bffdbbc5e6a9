import { randomBytes } from 'node:crypto';

/**
 * A Porthole server process for the drain test, wired as server/index.ts wires it (database,
 * gateway, jobs, the HTTP server with health and upgrades, the signal handlers) with a 404
 * in place of Next.js. One engineer and one SSH resource pointing at the test's sshd.
 *
 * Parent → child (IPC): an init message, then { type: 'session' } → { type: 'session', id, wsUrl };
 * { type: 'release' } lets the drain go past its hold (see below).
 */
export type DrainChildInit = {
  sshd: { host: string; port: number; username: string; password: string; hostKeyFingerprint: string };
  databaseUrl: string;
  dataDir: string;
  drainSeconds: number;
  /** Free port to listen on (the public URL, whose origin the gateway checks, names it). */
  port: number;
  /** Holds the drain after sessions ended and recordings sealed, until the parent releases it. */
  isHeld: boolean;
};

export type DrainChildReply = { type: 'ready' } | { type: 'session'; id: string; wsUrl: string } | { type: 'held' } | { type: 'failed'; message: string };

const reply = (message: DrainChildReply) => process.send?.(message);

async function main(init: DrainChildInit): Promise<void> {
  Object.assign(process.env, {
    NODE_ENV: 'production',
    PORTHOLE_SECRET_KEY: randomBytes(32).toString('hex'),
    PORTHOLE_DATA_DIR: init.dataDir,
    PORTHOLE_DEMO: '0',
    DATABASE_URL: init.databaseUrl,
    PORTHOLE_DRAIN_SECONDS: String(init.drainSeconds),
    LOG_LEVEL: 'debug',
    PORTHOLE_PUBLIC_URL: `http://127.0.0.1:${init.port}`,
  });
  const { openDb, setDb } = await import('@/db/client');
  const { env } = await import('@/server/env');
  const { createHttpServer } = await import('@/server/http/create-http-server');
  const { installShutdown } = await import('@/server/lifecycle/shutdown');
  const { startGateway } = await import('@/server/gateway/start-gateway');
  const { UpgradeRouter } = await import('@/server/http/upgrade-router');
  const { startJobs } = await import('@/server/jobs/start-jobs');
  const handle = await openDb({ driver: 'postgres', url: init.databaseUrl });
  setDb(handle);
  const stopJobs = startJobs();
  const router = new UpgradeRouter();
  const { stop: stopGateway } = await startGateway({ router, driver: 'postgres', isDemo: false, dataDir: init.dataDir });
  const server = createHttpServer({
    handleRequest: async (_req, res) => void res.writeHead(404).end(),
    handleSocketUpgrade: (req, socket, head) => router.handle(req, socket, head),
  });
  const { port } = init;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const released = new Promise<void>((resolve) => process.on('message', (message: { type: string }) => message.type === 'release' && resolve()));
  installShutdown(
    {
      endSessions: (message) => stopGateway(message),
      stopJobs: async () => {
        if (init.isHeld) {
          reply({ type: 'held' });
          await released;
        }
        await stopJobs();
      },
      server,
      closeDb: () => handle.close(),
    },
    { drainSeconds: env().drainSeconds },
  );
  const createSession = await seed(init);
  process.on('message', (message: { type: string }) => {
    if (message.type !== 'session') return;
    createSession().then(
      (created) => reply({ type: 'session', id: created.id, wsUrl: created.wsUrl }),
      (error: unknown) => reply({ type: 'failed', message: String(error) }),
    );
  });
  reply({ type: 'ready' });
}

/** An engineer and an SSH resource with a confirmed host key; returns a session minter. */
async function seed(init: DrainChildInit) {
  const { toActor } = await import('@/server/actor/actor');
  const { findUserById } = await import('@/server/users/find-user');
  const { createUser } = await import('@/server/users/create-user');
  const { createResource } = await import('@/server/resources/create-resource');
  const { confirmHostKey } = await import('@/server/resources/confirm-host-key');
  const { createSession } = await import('@/server/sessions/create-session');
  const actorFor = async (email: string, roles: ('engineer' | 'admin')[]) => {
    const user = await createUser({ actor: null, input: { email, name: email, password: randomBytes(12).toString('hex'), roles } });
    const row = await findUserById(user.id);
    if (!row) throw new Error('user vanished');
    return toActor(row, 'session');
  };
  const engineer = await actorFor('drain@porthole.test', ['engineer']);
  const admin = await actorFor('drain-admin@porthole.test', ['admin']);
  const { sshd } = init;
  const resource = await createResource({
    actor: null,
    input: { type: 'ssh', name: 'drain-sshd', host: sshd.host, port: sshd.port, username: sshd.username, password: sshd.password, allowedRoles: ['engineer'] },
  });
  await confirmHostKey({ actor: admin, resourceId: resource.id, input: { fingerprint: sshd.hostKeyFingerprint } });
  return () => createSession({ actor: engineer, input: { resourceId: resource.id } });
}

process.once('message', (init: DrainChildInit) => {
  main(init).catch((error: unknown) => {
    reply({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  });
});

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

/**
 * The gateway under test for `npm run bench:sql`, in its own process so its memory is its
 * own: the real upgrade handler on a bare http server, PGlite in memory for Porthole's data,
 * one engineer and one PostgreSQL resource (row cap 1,000,000) on the benchmark's server.
 *
 * Parent → child (IPC): { type: 'session' } → { type: 'session', wsUrl };
 * { type: 'baseline' } → GC, then { type: 'baseline', rss, heap } and peak tracking restarts;
 * { type: 'peak' } → { type: 'peak', rss, heap } (highest samples since the baseline).
 */
export type SqlChildInit = { target: { host: string; port: number; user: string; password: string; database: string } };
export type SqlChildReply =
  | { type: 'ready'; origin: string }
  | { type: 'session'; id: number; wsUrl: string }
  | { type: 'baseline' | 'peak'; id: number; rss: number; heap: number }
  | { type: 'failed'; id?: number; message: string };

const reply = (message: SqlChildReply) => process.send?.(message);

async function main(init: SqlChildInit): Promise<void> {
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-bench-sql-'));
  Object.assign(process.env, {
    NODE_ENV: 'production',
    PORTHOLE_PUBLIC_URL: origin,
    PORTHOLE_SECRET_KEY: randomBytes(32).toString('hex'),
    PORTHOLE_DATA_DIR: dataDir,
    PORTHOLE_DEMO: '0',
  });
  process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));

  const { openDb, db, setDb } = await import('@/db/client');
  const { sqlSettings } = await import('@/db/sql-schema');
  const { DEFAULT_SQL_POLICY } = await import('@/lib/sql/risk-classes');
  const { toActor } = await import('@/server/actor/actor');
  const { findUserById } = await import('@/server/users/find-user');
  const { createUser } = await import('@/server/users/create-user');
  const { createResource } = await import('@/server/resources/create-resource');
  const { createSession } = await import('@/server/sessions/create-session');
  const { createSessionGateway } = await import('@/server/gateway/session-gateway');
  const { UpgradeRouter } = await import('@/server/http/upgrade-router');

  setDb(await openDb({ driver: 'pglite' }));
  const user = await createUser({
    actor: null,
    input: { email: 'bench@porthole.test', name: 'Bench', password: randomBytes(12).toString('hex'), roles: ['engineer'] },
  });
  const actor = toActor((await findUserById(user.id))!, 'session');
  const { target } = init;
  const resource = await createResource({
    actor: null,
    input: {
      type: 'postgres',
      name: 'bench-postgres',
      host: target.host,
      port: target.port,
      username: target.user,
      password: target.password,
      database: target.database,
      allowedRoles: ['engineer'],
    },
  });
  await db().insert(sqlSettings).values({ resourceId: resource.id, policy: DEFAULT_SQL_POLICY, rowCap: 1_000_000, statementTimeoutMs: 0 });

  const router = new UpgradeRouter().add('/ws/sessions/:id', createSessionGateway().handleUpgrade);
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    router.handle(req, socket, head);
  });

  let peak = { rss: 0, heap: 0 };
  setInterval(() => {
    const usage = process.memoryUsage();
    peak = { rss: Math.max(peak.rss, usage.rss), heap: Math.max(peak.heap, usage.heapUsed) };
  }, 10).unref();

  process.on('message', (message: { type: string; id: number }) => {
    if (message.type === 'baseline') {
      (globalThis as { gc?: () => void }).gc?.();
      const usage = process.memoryUsage();
      peak = { rss: usage.rss, heap: usage.heapUsed };
      reply({ type: 'baseline', id: message.id, rss: usage.rss, heap: usage.heapUsed });
    } else if (message.type === 'peak') {
      reply({ type: 'peak', id: message.id, ...peak });
    } else if (message.type === 'session') {
      createSession({ actor, input: { resourceId: resource.id } }).then(
        (created) => reply({ type: 'session', id: message.id, wsUrl: created.wsUrl }),
        (error: unknown) => reply({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) }),
      );
    }
  });
  reply({ type: 'ready', origin });
}

process.once('message', (init: SqlChildInit) => {
  main(init).catch((error: unknown) => {
    reply({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  });
});

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The proxy under test for `npm run bench:http`, in its own process (its CPU and event loop
 * are its own, as in production): the real custom-server request path (createHttpServer with
 * the HTTP proxy, no Next.js), PostgreSQL or PGlite in memory for Porthole's data, one engineer with an API
 * token and two open HTTP resources on the benchmark's upstream, recorded and not recorded.
 *
 * Parent → child (IPC): the init below; child → parent: `ready` with what the requests need.
 */
/** `databaseUrl`: Porthole's data in that PostgreSQL database; without it, PGlite in memory. */
export type HttpChildInit = { upstream: string; credential: string; databaseUrl?: string };
export type HttpChildReply = { type: 'ready'; origin: string; token: string; recorded: string; unrecorded: string } | { type: 'failed'; message: string };

const reply = (message: HttpChildReply) => process.send?.(message);

async function seed(init: HttpChildInit) {
  const { createUser } = await import('@/server/users/create-user');
  const { findUserById } = await import('@/server/users/find-user');
  const { toActor } = await import('@/server/actor/actor');
  const { createResource } = await import('@/server/resources/create-resource');
  const { createApiToken } = await import('@/server/tokens/create-api-token');
  const user = await createUser({
    actor: null,
    input: { email: 'bench@porthole.test', name: 'Bench', password: randomBytes(12).toString('hex'), roles: ['engineer'] },
  });
  const actor = toActor((await findUserById(user.id))!, 'token');
  const resource = (name: string, recording: 'on' | 'off') =>
    createResource({
      actor: null,
      input: { type: 'http', name, baseUrl: init.upstream, auth: { kind: 'bearer' }, credential: init.credential, allowedRoles: ['engineer'], recording },
    });
  const [recorded, unrecorded] = [await resource('bench-http', 'on'), await resource('bench-http-unrecorded', 'off')];
  const { token } = await createApiToken({ actor, input: { name: 'bench', expiresInDays: 1 } });
  return { token, recorded: recorded.id, unrecorded: unrecorded.id };
}

async function main(init: HttpChildInit): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-bench-http-'));
  process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  Object.assign(process.env, {
    NODE_ENV: 'production',
    PORTHOLE_PUBLIC_URL: 'http://127.0.0.1',
    PORTHOLE_SECRET_KEY: randomBytes(32).toString('hex'),
    PORTHOLE_DATA_DIR: dataDir,
    PORTHOLE_DEMO: '0',
    LOG_LEVEL: 'warn',
  });
  const { openDb, setDb } = await import('@/db/client');
  const { createHttpServer } = await import('@/server/http/create-http-server');
  const { createHttpProxy } = await import('@/server/http/proxy/http-proxy');
  setDb(await openDb(init.databaseUrl ? { driver: 'postgres', url: init.databaseUrl } : { driver: 'pglite' }));
  const seeded = await seed(init);
  const server = createHttpServer({
    handleRequest: async (_req, res) => void res.writeHead(404).end(),
    handleSocketUpgrade: (_req, socket) => socket.destroy(),
    proxy: createHttpProxy(),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  reply({ type: 'ready', origin: `http://127.0.0.1:${port}`, ...seeded });
}

process.once('message', (init: HttpChildInit) => {
  main(init).catch((error: unknown) => {
    reply({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  });
});
// The benchmark is done with this process (a profiled run ends it this way, so the profile is written).
process.on('disconnect', () => process.exit(0));

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/**
 * A Porthole gateway in its own process, for the crash test: PGlite and the file store in a
 * data directory that outlives the process. Each start runs start-up recovery first.
 *
 * Parent → child (IPC): init { dataDir, secretKey, sshd? } → { type: 'ready', recovered }
 *   { type: 'session' }           → { type: 'session', id, wsUrl }   (needs sshd in init)
 *   { type: 'verify', id }         → { type: 'verify', verify }
 *   { type: 'inspect', id, file } → { type: 'inspect', recording, sessionStatus, verify } and
 *                                   the recorded output bytes written to `file`
 */

export type ChildInit = {
  dataDir: string;
  secretKey: string;
  sshd?: { host: string; port: number; username: string; privateKey: string; hostKeyFingerprint: string };
};

type Request = { type: 'session' } | { type: 'inspect'; id: string; file: string } | { type: 'verify'; id: string };

function reply(message: unknown): void {
  process.send?.(message);
}

async function main(init: ChildInit): Promise<void> {
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const origin = `http://127.0.0.1:${port}`;
  Object.assign(process.env, {
    NODE_ENV: 'production',
    PORTHOLE_PUBLIC_URL: origin,
    PORTHOLE_SECRET_KEY: init.secretKey,
    PORTHOLE_DATA_DIR: init.dataDir,
    PORTHOLE_DEMO: '0',
  });

  const { openDb, setDb, db } = await import('@/db/client');
  const { eq } = await import('drizzle-orm');
  const { recordings } = await import('@/db/recording-schema');
  const { sessions } = await import('@/db/schema');
  const { recoverRecordingsAtStartup } = await import('../recover-recordings');
  const { verifyChain } = await import('../verify-recording');
  const { iterateEvents } = await import('../read-events');
  const { createSessionGateway } = await import('@/server/gateway/session-gateway');
  const { UpgradeRouter } = await import('@/server/gateway/upgrade-router');

  setDb(await openDb({ driver: 'pglite', dataDir: path.join(init.dataDir, 'pglite') }));
  const recovered = await recoverRecordingsAtStartup();

  let newSession: (() => Promise<{ id: string; wsUrl: string }>) | undefined;
  if (init.sshd) {
    const { toActor } = await import('@/server/auth/actor');
    const { findUserById } = await import('@/server/users/find-user');
    const { createUser } = await import('@/server/users/create-user');
    const { createResource } = await import('@/server/resources/create-resource');
    const { confirmHostKey } = await import('@/server/resources/confirm-host-key');
    const { createSession } = await import('@/server/sessions/create-session');
    const password = 'crash-test-password-1234';
    const user = await createUser({
      actor: null,
      input: { email: `crash-${Date.now()}@porthole.test`, name: 'Crash', password, roles: ['engineer', 'admin'] },
    });
    const actor = toActor((await findUserById(user.id))!, 'session');
    const resource = await createResource({
      actor: null,
      input: {
        type: 'ssh',
        name: `crash-${Date.now()}`,
        host: init.sshd.host,
        port: init.sshd.port,
        username: init.sshd.username,
        privateKey: init.sshd.privateKey,
        allowedRoles: ['engineer'],
      },
    });
    await confirmHostKey({ actor, resourceId: resource.id, input: { fingerprint: init.sshd.hostKeyFingerprint } });
    newSession = () => createSession({ actor, input: { resourceId: resource.id } });
  }

  const gateway = createSessionGateway();
  const router = new UpgradeRouter().add('/ws/sessions/:id', gateway.handleUpgrade);
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    router.handle(req, socket, head);
  });

  process.on('message', (message: Request) => {
    const handle = async () => {
      if (message.type === 'session') {
        if (!newSession) throw new Error('no sshd configured');
        const created = await newSession();
        return { type: 'session', id: created.id, wsUrl: created.wsUrl.replace(/^wss?:\/\/[^/]+/, `ws://127.0.0.1:${port}`) };
      }
      const [recording] = await db().select().from(recordings).where(eq(recordings.id, message.id));
      if (message.type === 'verify') return { type: 'verify', verify: await verifyChain(recording!) };
      const [session] = await db().select().from(sessions).where(eq(sessions.id, message.id));
      if (!recording) throw new Error('no recording');
      const output: Buffer[] = [];
      for await (const event of iterateEvents(recording)) if (event.kind === 'o') output.push(event.data);
      fs.writeFileSync(message.file, Buffer.concat(output));
      return {
        type: 'inspect',
        recording: { status: recording.status, outputBytes: recording.outputBytes, chunkCount: recording.chunkCount },
        sessionStatus: session?.status,
        verify: await verifyChain(recording),
      };
    };
    handle().then(reply, (error: unknown) => reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
  });
  process.on('disconnect', () => process.exit(0));
  reply({ type: 'ready', origin, recovered });
}

process.once('message', (init: ChildInit) => {
  main(init).catch((error: unknown) => {
    reply({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  });
});

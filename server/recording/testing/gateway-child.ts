import http from 'node:http';
import path from 'node:path';
import type { RecordingQuestion } from './child-answers';
import type { NewSession, PostgresTarget, SshTarget } from './child-targets';

/**
 * A Porthole gateway in its own process, for the crash tests: PGlite and the file store in a
 * data directory that outlives the process. Each start runs start-up recovery first.
 *
 * Parent → child (IPC): init { dataDir, secretKey, sshd?, postgres? } → { type: 'ready', recovered }
 *   { type: 'session' }           → { type: 'session', id, wsUrl }   (a terminal: needs sshd in init)
 *   { type: 'sql-session' }       → { type: 'session', id, wsUrl }   (a SQL console: needs postgres)
 *   { type: 'sql-events', id }    → { type: 'sql-events', events }   (the recording's SQL events)
 *   { type: 'verify', id }        → { type: 'verify', verify }
 *   { type: 'inspect', id, file } → { type: 'inspect', recording, sessionStatus, verify } and
 *                                   the recorded output bytes written to `file`
 */

export type ChildInit = { dataDir: string; secretKey: string; sshd?: SshTarget; postgres?: PostgresTarget };

type Request = { type: 'session' } | { type: 'sql-session' } | RecordingQuestion;

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

  // Imported once the environment is set: the env module reads it when first loaded.
  const { openDb, setDb } = await import('@/db/client');
  const { recoverRecordingsAtStartup } = await import('../recover-recordings');
  const { answerRecordingQuestion } = await import('./child-answers');
  const { sqlSessions, sshSessions } = await import('./child-targets');
  const { createSessionGateway } = await import('@/server/gateway/session-gateway');
  const { UpgradeRouter } = await import('@/server/http/upgrade-router');

  setDb(await openDb({ driver: 'pglite', dataDir: path.join(init.dataDir, 'pglite') }));
  const recovered = await recoverRecordingsAtStartup();
  const targets: Record<'session' | 'sql-session', NewSession | undefined> = {
    session: init.sshd ? await sshSessions(init.sshd) : undefined,
    'sql-session': init.postgres ? await sqlSessions(init.postgres) : undefined,
  };

  const router = new UpgradeRouter().add('/ws/sessions/:id', createSessionGateway().handleUpgrade);
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    router.handle(req, socket, head);
  });

  const answer = async (message: Request): Promise<unknown> => {
    if (message.type !== 'session' && message.type !== 'sql-session') return answerRecordingQuestion(message);
    const create = targets[message.type];
    if (!create) throw new Error(`no target configured for a ${message.type}`);
    const created = await create();
    return { type: 'session', id: created.id, wsUrl: created.wsUrl.replace(/^wss?:\/\/[^/]+/, `ws://127.0.0.1:${port}`) };
  };
  process.on('message', (message: Request) => {
    answer(message).then(reply, (error: unknown) => reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
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

import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb } from '@/db/client';
import { authenticatePassword } from '@/server/auth/authenticate-password';
import { env } from '@/server/env';
import { confirmHostKey } from '@/server/resources/confirm-host-key';
import { createSession } from '@/server/sessions/create-session';
import { authenticateApiToken } from '@/server/tokens/authenticate-api-token';
import { createApiToken } from '@/server/tokens/create-api-token';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { actorOf, makeAdmin, makeResource, makeUser, sshResource } from '@/test/factories';
import { freePort } from '@/test/harness/free-port';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import { connectTerminal } from '@/test/harness/terminal-client';
import { createHttpServer } from '../http/create-http-server';
import { log, setLogDestination } from './logger';

const PASSWORD = 'a long login passphrase 8d1f';
const AWS_KEY = 'AKIARHUNWS7DR4ERD7TI';
const DB_PASSWORD = 'db-password-5e2a9c';
const COOKIE = 'next-auth.session-token=cookie-value-71b3e0';

let sshd: Sshd;
let gateway: TestGateway;
let server: http.Server;
let base: string;
const lines: string[] = [];
beforeAll(async () => {
  setTestEnv({ LOG_LEVEL: 'trace' });
  setLogDestination({ write: (line: string) => void lines.push(line) });
  [sshd, gateway] = await Promise.all([startSshd(), startTestGateway()]);
  server = createHttpServer({
    // Route code failing with a library error that quotes what it was given (a real pg error).
    handleRequest: async (req) => {
      const user = await authenticateApiToken((req.headers.authorization ?? '').replace(/^Bearer /, ''));
      log().info({ userId: user?.user.id, headers: req.headers }, 'api request');
      await openDb({ driver: 'postgres', url: `postgres://porthole:${DB_PASSWORD}@127.0.0.1:${await freePort()}/porthole` });
    },
    handleSocketUpgrade: (_req, socket) => socket.destroy(),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  setLogDestination(undefined);
  await Promise.all([sshd?.stop(), gateway?.close(), new Promise((resolve) => server?.close(resolve))]);
});

describeEachDriver('log lines', () => {
  it('carry no password, token, credential, cookie or masked secret through a real flow', async () => {
    lines.length = 0;
    const { user } = await makeUser({ email: 'logs@example.test', password: PASSWORD });
    await authenticatePassword({ email: 'logs@example.test', password: PASSWORD, ip: '192.0.2.8' });
    await expect(authenticatePassword({ email: 'logs@example.test', password: `${PASSWORD}-wrong`, ip: '192.0.2.8' })).rejects.toThrow();

    // A resource with a password and a private key; a session printing and typing a secret.
    const resource = await makeResource(
      sshResource({ host: sshd.host, port: sshd.port, username: sshd.username, password: sshd.password, privateKey: sshd.privateKey }),
    );
    const admin = await makeAdmin();
    await confirmHostKey({ actor: admin.actor, resourceId: resource.id, input: { fingerprint: sshd.hostKeyFingerprint } });
    const created = await createSession({ actor: await actorOf(user.id), input: { resourceId: resource.id } });
    const ticket = new URL(created.wsUrl).searchParams.get('ticket') ?? '';
    const term = await connectTerminal(gateway.localUrl(created.wsUrl), { origin: env().publicUrl });
    term.type(`echo ${AWS_KEY}; echo logs-$((6*7))\n`);
    await term.waitFor(/logs-42/);
    term.type('exit\n');
    await term.closed;
    await gateway.idle();

    // An API request with a token and a cookie, whose handler fails quoting a database URL.
    const token = await createApiToken({ actor: await actorOf(user.id), input: { name: 'logs', expiresInDays: 30 } });
    const res = await fetch(`${base}/api/v1/sessions?ticket=${ticket}`, { headers: { authorization: `Bearer ${token.token}`, cookie: COOKIE } });
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('Internal Server Error');

    const text = lines.join('');
    // The flow was logged (so the absence below means something): session, request, failure.
    expect(text).toMatch(/"sessionId":"[^"]+".*"msg":"terminal session started"/);
    expect(text).toMatch(/"msg":"api request"/);
    expect(text).toMatch(/"reqId":"[^"]+".*cannot open the PostgreSQL database.*"msg":"request failed"/);
    for (const secret of [PASSWORD, sshd.password, AWS_KEY, DB_PASSWORD, token.token, token.token.slice(4), ticket, 'cookie-value-71b3e0']) {
      expect(text, `a log line holds ${secret}`).not.toContain(secret);
    }
    for (const keyLine of sshd.privateKey.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'))) expect(text).not.toContain(keyLine);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });
});

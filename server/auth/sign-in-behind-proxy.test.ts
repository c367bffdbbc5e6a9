import type http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { captureLogs } from '@/test/harness/capture-logs';
import { makeUser } from '@/test/factories';
import { createHttpServer } from '../http/create-http-server';
import { authorizeCredentials } from './authorize-credentials';
import { CLIENT_IP_HEADER } from './client-ip';
import { LOGIN_LIMITS } from './login-rate-limit';

// The custom server as in production, with Next.js's place taken by what next-auth's
// credentials sign-in does with the request it is handed: the headers as the server left them.
let server: http.Server;
let base: string;
beforeAll(async () => {
  server = createHttpServer({
    handleRequest: async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      try {
        const user = await authorizeCredentials(JSON.parse(Buffer.concat(chunks).toString()), req.headers);
        res.writeHead(200).end(user.id);
      } catch (error) {
        res.writeHead(401).end((error as Error).message);
      }
    },
    // A socket (terminal, SQL, watch) learns its address the same way: echoed back raw.
    handleSocketUpgrade: (req, socket) => socket.end(String(req.headers[CLIENT_IP_HEADER])),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A sign-in from this machine (socket 127.0.0.1), claiming to be forwarded for `forwardedFor`. */
async function signIn(email: string, password: string, forwardedFor: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, text: await res.text() };
}

/** The addresses on the audit events of this action, each once. */
async function auditIps(action: string): Promise<unknown[]> {
  const events = await db().select().from(auditEvents).where(eq(auditEvents.action, action));
  return [...new Set(events.map((event) => event.data.ip))];
}

describeEachDriver('sign-in behind a reverse proxy', () => {
  it('with the proxy trusted, limits each forwarded address on its own and audits the forwarded address', async () => {
    setTestEnv({ PORTHOLE_TRUSTED_PROXIES: '127.0.0.1' });
    const { user, password } = await makeUser({ email: 'ada@example.test' });
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) {
      expect((await signIn(`guess${i}@example.test`, 'wrong', '198.51.100.1')).status).toBe(401);
    }
    expect(await auditIps('auth.login_failed')).toEqual(['198.51.100.1']);
    // The attacker's address is locked out, even with the right password of another account...
    expect(await signIn('ada@example.test', password, '198.51.100.1')).toEqual({ status: 401, text: expect.stringMatching(/Too many failed attempts/) });
    // ...while a user behind the same proxy signs in; a left-most entry the client wrote is not believed.
    const logs = captureLogs();
    try {
      expect(await signIn('ada@example.test', password, '203.0.113.66, 198.51.100.2')).toEqual({ status: 200, text: user.id });
      expect(logs.entries().find((line) => line.msg === 'request')).toMatchObject({ ip: '198.51.100.2' });
    } finally {
      logs.restore();
    }
    expect(await auditIps('auth.login')).toEqual(['198.51.100.2']);
  });

  it('without trusted proxies, an X-Forwarded-For from a direct client changes nothing: the socket address is limited and audited', async () => {
    const { password } = await makeUser({ email: 'ada@example.test' });
    for (let i = 0; i < LOGIN_LIMITS.perPair; i++) {
      expect((await signIn('ada@example.test', 'wrong', `198.51.100.${i}`)).status).toBe(401);
    }
    expect(await auditIps('auth.login_failed')).toEqual(['127.0.0.1']);
    // A new forwarded address on every try does not get the locked pair past the limit.
    expect(await signIn('ada@example.test', password, '203.0.113.66')).toEqual({ status: 401, text: expect.stringMatching(/Too many failed attempts/) });
  });

  it('with another address trusted, the local client is not a proxy: its header is ignored', async () => {
    setTestEnv({ PORTHOLE_TRUSTED_PROXIES: '10.0.0.0/8, ::1' });
    const { user, password } = await makeUser({ email: 'ada@example.test' });
    expect(await signIn('ada@example.test', password, '198.51.100.7')).toEqual({ status: 200, text: user.id });
    expect(await auditIps('auth.login')).toEqual(['127.0.0.1']);
  });
});

/** The address the server stamps on a WebSocket upgrade sent with this X-Forwarded-For. */
async function upgradeAddress(forwardedFor: string): Promise<string> {
  const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
  socket.write(`GET /ws/terminal HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nX-Forwarded-For: ${forwardedFor}\r\n\r\n`);
  const chunks: Buffer[] = [];
  for await (const chunk of socket) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

it('WebSocket upgrades get the same address: forwarded only through a trusted proxy', async () => {
  expect(await upgradeAddress('198.51.100.3')).toBe('127.0.0.1');
  setTestEnv({ PORTHOLE_TRUSTED_PROXIES: 'loopback' });
  expect(await upgradeAddress('203.0.113.66, 198.51.100.3')).toBe('198.51.100.3');
});

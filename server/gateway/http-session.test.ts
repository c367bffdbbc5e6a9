import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db, setDb, type DbHandle } from '@/db/client';
import { recordingCommands, recordings } from '@/db/recording-schema';
import { users } from '@/db/schema';
import { exchangesFromEvents, type RecordedEvent } from '@/lib/recording/http-events';
import { INJECTED_CREDENTIAL } from '@/lib/protocol/http-protocol';
import { env } from '@/server/env';
import { iterateEvents } from '@/server/recording/read-events';
import { createSession } from '@/server/sessions/create-session';
import { openTestDb, truncateAll } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { makeResource, makeUser } from '@/test/factories';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { connectHttpConsole, type HttpConsoleClient } from '@/test/harness/http/console-client';
import { LARGE_BODY_BYTES, makeCertificate, startHttpsUpstream, startHttpUpstream, type TestUpstream } from '@/test/harness/http/upstream';
import type { CreateResourceInput } from '@/server/resources/resource-schemas';

const TOKEN = 'sk-live-porthole-9f8e7d6c5b4a39281706';
const forms = [TOKEN, Buffer.from(TOKEN).toString('base64'), encodeURIComponent(TOKEN)];

let gateway: TestGateway;
let handle: DbHandle | undefined;
let upstream: TestUpstream;
const clients: HttpConsoleClient[] = [];

beforeAll(async () => {
  gateway = await startTestGateway();
  handle = await openTestDb('pglite');
  setDb(handle);
  upstream = await startHttpUpstream();
}, 60_000);

afterAll(async () => {
  await upstream.close();
  await gateway.close();
  setDb(undefined);
  await handle?.close();
});

beforeEach(async () => {
  setDb(handle);
  await truncateAll(handle!.db);
  upstream.seen.length = 0;
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.ws.close();
  await gateway.idle();
});

type HttpInput = Extract<CreateResourceInput, { type: 'http' }>;

async function openConsole(overrides: Partial<HttpInput> = {}) {
  const resource = await makeResource({
    type: 'http',
    name: `api-${Math.random().toString(36).slice(2)}`,
    baseUrl: `${upstream.url}/v1`,
    auth: { kind: 'bearer' },
    credential: TOKEN,
    tls: { mode: 'disable' },
    ...overrides,
  });
  const { actor } = await makeUser();
  const created = await createSession({ actor, input: { resourceId: resource.id } });
  const client = await connectHttpConsole(gateway.localUrl(created.wsUrl), env().publicUrl);
  clients.push(client);
  const status = await client.waitFor('status', (m) => m.state === 'connected');
  return { resource, created, client, status };
}

/** The recording's events as stored (decoded from the store, as the replay and the exports read them). */
async function recordedEvents(sessionId: string): Promise<RecordedEvent[]> {
  for (let i = 0; i < 200; i++) {
    const [recording] = await db().select().from(recordings).where(eq(recordings.id, sessionId));
    if (recording?.status === 'complete') {
      const events: RecordedEvent[] = [];
      for await (const event of iterateEvents(recording)) events.push([event.t, event.kind, event.data.toString('utf8')]);
      return events;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the recording never completed');
}

async function closeAndRecord(client: HttpConsoleClient, sessionId: string) {
  client.ws.close();
  await client.closed;
  await gateway.idle();
  return recordedEvents(sessionId);
}

describe('HTTP console through the gateway', () => {
  it('sends GET and POST with the credential injected, and the credential never reaches the browser or the recording', async () => {
    const { client, created, status } = await openConsole();
    expect(status.info).toMatchObject({ baseUrl: `${upstream.url}/v1`, auth: { kind: 'bearer' } });
    const get = await client.send('g1', {
      path: '/echo',
      query: [['q', 'a b']],
      headers: [
        ['Authorization', 'Bearer my-own'],
        ['Cookie', 'portal=1'],
        ['X-Trace', '42'],
      ],
    });
    expect(get.type).toBe('exchange');
    if (get.type !== 'exchange') return;
    expect(upstream.seen[0]).toMatchObject({ method: 'GET', url: '/v1/echo?q=a+b' });
    expect(upstream.seen[0]?.headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, 'x-trace': '42' });
    expect(upstream.seen[0]?.headers.cookie).toBeUndefined();
    expect(get.exchange.request.headers).toContainEqual(['authorization', INJECTED_CREDENTIAL]);
    expect(get.exchange.response?.status).toBe(200);
    // The upstream echoed the header back: masked in the body too.
    expect(get.exchange.response?.body).toContain('"x-trace": "42"');

    const post = await client.send('p1', {
      method: 'POST',
      path: '/echo',
      headers: [['content-type', 'application/json']],
      body: JSON.stringify({ note: TOKEN }),
    });
    expect(post.type === 'exchange' && JSON.parse(post.exchange.response!.body)).toMatchObject({ method: 'POST' });
    expect(upstream.seen[1]?.body).toBe(JSON.stringify({ note: TOKEN }));

    const events = await closeAndRecord(client, created.id);
    const stored = JSON.stringify(events);
    for (const form of forms) {
      for (const frame of client.frames) expect(frame).not.toContain(form);
      expect(stored).not.toContain(form);
    }
    const exchanges = exchangesFromEvents(events);
    expect(exchanges.map((e) => [e.request.method, e.request.url, e.response?.status])).toEqual([
      ['GET', '/echo?q=a+b', 200],
      ['POST', '/echo', 200],
    ]);
    const commands = await db().select().from(recordingCommands).where(eq(recordingCommands.recordingId, created.id)).orderBy(recordingCommands.seq);
    expect(commands.map((c) => [c.text, c.exitCode])).toEqual([
      ['GET /echo?q=a+b → 200', 0],
      ['POST /echo → 200', 0],
    ]);
  });

  it('masks JSON keys, form fields and secret headers in what is shown and what is recorded', async () => {
    const { client, created } = await openConsole();
    const answer = await client.send('l1', {
      method: 'POST',
      path: '/login',
      headers: [['content-type', 'application/json']],
      body: '{"user":"ann","password":"hunter2"}',
    });
    if (answer.type !== 'exchange') throw new Error(answer.message);
    expect(upstream.seen[0]?.body).toBe('{"user":"ann","password":"hunter2"}');
    expect(JSON.parse(answer.exchange.request.body)).toEqual({ user: 'ann', password: '[MASKED:field]' });
    expect(JSON.parse(answer.exchange.response!.body)).toEqual({ user: 'ann', password: '[MASKED:field]', session: { token: '[MASKED:field]' } });
    expect(answer.exchange.response?.headers).toContainEqual(['set-cookie', '[MASKED:header]']);
    const events = await closeAndRecord(client, created.id);
    const stored = JSON.stringify(events);
    for (const secret of ['hunter2', 'tok-abc', 'sid=abc123']) {
      expect(stored).not.toContain(secret);
      for (const frame of client.frames) expect(frame).not.toContain(secret);
    }
  });

  it('masks a secret seen once in the session wherever it shows again, bare, in the next exchange', async () => {
    const { client, created } = await openConsole();
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const json: [string, string][] = [['content-type', 'application/json']];
    const named = await client.send('n1', {
      method: 'POST',
      path: '/echo',
      headers: json,
      body: JSON.stringify({ note: `export AWS_SECRET_ACCESS_KEY=${secret}` }),
    });
    if (named.type !== 'exchange') throw new Error(named.message);
    expect(JSON.parse(named.exchange.request.body)).toEqual({ note: 'export AWS_SECRET_ACCESS_KEY=[MASKED:aws-secret]' });
    // The key alone: no rule recognises it without its name.
    const bare = await client.send('b1', { method: 'POST', path: '/echo', headers: json, body: JSON.stringify({ note: secret }) });
    if (bare.type !== 'exchange') throw new Error(bare.message);
    expect(upstream.seen.at(-1)?.body).toContain(secret);
    expect(JSON.parse(bare.exchange.request.body)).toEqual({ note: '[MASKED:aws-secret]' });
    const stored = JSON.stringify(await closeAndRecord(client, created.id));
    expect(stored).not.toContain(secret);
    for (const frame of client.frames) expect(frame).not.toContain(secret);
  });

  it('reads a chunked response whole', async () => {
    const { client } = await openConsole();
    const answer = await client.send('c1', { path: '/chunked' });
    expect(answer.type === 'exchange' && answer.exchange.response?.body).toBe('chunk 0\nchunk 1\nchunk 2\nchunk 3\nchunk 4\n');
  });

  it('shows and records a large body cut at the limit, with its size and SHA-256', async () => {
    const { client, created } = await openConsole();
    const answer = await client.send('big', { path: '/large' });
    if (answer.type !== 'exchange') throw new Error(answer.message);
    const sha = createHash('sha256').update(Buffer.alloc(LARGE_BODY_BYTES, 'x')).digest('hex');
    expect(answer.exchange.response).toMatchObject({ bodySize: LARGE_BODY_BYTES, truncated: true, bodySha256: sha });
    expect(answer.exchange.response?.body.length).toBeLessThanOrEqual(env().http.bodyRecordLimit);
    const [exchange] = exchangesFromEvents(await closeAndRecord(client, created.id));
    expect(exchange?.response).toMatchObject({ bodySize: LARGE_BODY_BYTES, truncated: true, bodySha256: sha });
  });

  it('fails a slow request with a clear message and the console goes on', async () => {
    setTestEnv({ PORTHOLE_HTTP_TIMEOUT_SECONDS: '1' });
    const { client, created } = await openConsole();
    const slow = await client.send('s1', { path: '/slow' });
    expect(slow).toMatchObject({ type: 'exchange-error', message: expect.stringMatching(/took longer than 1 s/) });
    const next = await client.send('s2', { path: '/echo' });
    expect(next.type).toBe('exchange');
    const exchanges = exchangesFromEvents(await closeAndRecord(client, created.id));
    expect(exchanges.map((e) => e.error ?? e.response?.status)).toEqual([expect.stringMatching(/took longer/), 200]);
  });

  it('cancels a request in flight', async () => {
    const { client } = await openConsole();
    client.ws.send(JSON.stringify({ type: 'send', id: 'k1', request: { method: 'GET', path: '/slow', query: [], headers: [], body: '' } }));
    await expect.poll(() => upstream.seen.length).toBe(1);
    client.ws.send(JSON.stringify({ type: 'cancel', id: 'k1' }));
    expect(await client.waitFor('exchange-error', (m) => m.id === 'k1')).toMatchObject({ message: 'The request was cancelled.' });
  });

  it('checks access before every request: a user disabled since the console opened ends it, and nothing is sent', async () => {
    const { client, created } = await openConsole();
    const [session] = await db().select({ userId: recordings.userId }).from(recordings).where(eq(recordings.id, created.id));
    // Straight in the database, as another replica would: no event reaches this one first.
    await db().update(users).set({ isDisabled: true }).where(eq(users.id, session!.userId));
    client.ws.send(JSON.stringify({ type: 'send', id: 'u1', request: { method: 'GET', path: '/echo', query: [], headers: [], body: '' } }));
    expect(await client.waitFor('exit')).toMatchObject({ reason: 'user_disabled' });
    expect(upstream.seen).toHaveLength(0);
  });

  it('says so when the upstream is down', async () => {
    const { client } = await openConsole({ baseUrl: 'http://127.0.0.1:9/v1' });
    const answer = await client.send('d1', { path: '/echo' });
    expect(answer).toMatchObject({ type: 'exchange-error', message: expect.stringMatching(/refused/i) });
  });

  it('returns a redirect to another host as it is, without following it', async () => {
    const { client } = await openConsole();
    const answer = await client.send('r1', { path: '/redirect' });
    if (answer.type !== 'exchange') throw new Error(answer.message);
    expect(answer.exchange.response?.status).toBe(302);
    expect(answer.exchange.response?.headers).toContainEqual(['location', 'http://other.example.test/steal']);
    expect(upstream.seen).toHaveLength(1);
  });

  it('refuses paths that leave the base URL, and sends nothing', async () => {
    const { client } = await openConsole();
    for (const [i, path] of ['/../admin', '/%2e%2e/admin', '//evil.example/x', '/a/..%2fb', '/a\\..\\b'].entries()) {
      const answer = await client.send(`t${i}`, { path });
      expect(answer).toMatchObject({ type: 'exchange-error', message: expect.stringMatching(/refused the path/) });
    }
    expect(upstream.seen).toHaveLength(0);
  });

  it('speaks https, verifying the certificate against the resource CA', async () => {
    const certificate = makeCertificate();
    const secure = await startHttpsUpstream(certificate);
    try {
      const verified = await openConsole({ baseUrl: `${secure.url}/v1`, tls: { mode: 'verify-full', ca: certificate.cert } });
      expect((await verified.client.send('h1', { path: '/echo' })).type).toBe('exchange');
      const unverified = await openConsole({ baseUrl: `${secure.url}/v1`, tls: { mode: 'verify-full' } });
      expect(await unverified.client.send('h2', { path: '/echo' })).toMatchObject({ type: 'exchange-error', message: expect.stringMatching(/TLS/) });
      expect(secure.seen).toHaveLength(1);
    } finally {
      await secure.close();
    }
  });
});

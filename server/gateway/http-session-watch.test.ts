import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db, setDb, type DbHandle } from '@/db/client';
import { resourceMasking } from '@/db/masking-schema';
import { decodeHttpEvent, exchangesFromEvents, type HttpEvent } from '@/lib/recording/http-events';
import { INJECTED_CREDENTIAL } from '@/lib/protocol/http-protocol';
import { env } from '@/server/env';
import { createSession } from '@/server/sessions/create-session';
import { issueWatchTicket } from '@/server/sessions/issue-watch-ticket';
import { mintTicket } from '@/server/sessions/mint-ticket';
import { terminateSession } from '@/server/sessions/terminate-session';
import { openTestDb, truncateAll } from '@/test/db-drivers';
import { makeResource, makeUser } from '@/test/factories';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { connectHttpConsole, type HttpConsoleClient } from '@/test/harness/http/console-client';
import { startHttpUpstream, type TestUpstream } from '@/test/harness/http/upstream';
import { connectSqlWatcher, type SqlWatchClient } from '@/test/harness/sql-watch-client';
import { refusedStatus } from '@/test/harness/terminal-client';
import { untilAudited } from '@/test/harness/until-audited';

const TOKEN = 'sk-live-porthole-9f8e7d6c5b4a39281706';
const forms = [TOKEN, Buffer.from(TOKEN).toString('base64'), encodeURIComponent(TOKEN)];
const AWS_KEY = 'AKIARHUNWS7DR4ERD7TI';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let gateway: TestGateway;
let handle: DbHandle | undefined;
let upstream: TestUpstream;
const sockets: { ws: { close(): void } }[] = [];

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
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.ws.close();
  await gateway.idle();
});

/** An engineer's live HTTP console whose resource masks the recording only: the engineer sees detected secrets, watchers never do. */
async function liveConsole() {
  const resource = await makeResource({
    type: 'http',
    name: `api-${Math.random().toString(36).slice(2)}`,
    baseUrl: `${upstream.url}/v1`,
    auth: { kind: 'bearer' },
    credential: TOKEN,
    tls: { mode: 'disable' },
  });
  await db().insert(resourceMasking).values({ resourceId: resource.id, mode: 'recording_only' });
  const engineer = await makeUser({ name: 'Erin Engineer' });
  const auditor = await makeUser({ roles: ['auditor'], name: 'Ada Auditor' });
  const created = await createSession({ actor: engineer.actor, input: { resourceId: resource.id } });
  const httpConsole: HttpConsoleClient = await connectHttpConsole(gateway.localUrl(created.wsUrl), env().publicUrl);
  sockets.push(httpConsole);
  await httpConsole.waitFor('status', (m) => m.state === 'connected');
  return { id: created.id, httpConsole, engineer, auditor };
}

async function watch(actor: Parameters<typeof issueWatchTicket>[0]['actor'], sessionId: string): Promise<SqlWatchClient> {
  const { wsUrl } = await issueWatchTicket({ actor, sessionId });
  const watcher = await connectSqlWatcher(gateway.localUrl(wsUrl), { origin: env().publicUrl });
  sockets.push(watcher);
  return watcher;
}

/** The HTTP events in the watcher's list: the last history, then what came after it. */
function watchedEvents(watcher: SqlWatchClient): { t: number; data: string; event: HttpEvent }[] {
  const from = Math.max(
    0,
    watcher.messages.findLastIndex((m) => m.type === 'history'),
  );
  const entries = watcher.messages.slice(from).flatMap((m) => (m.type === 'history' ? m.events : m.type === 'event' ? [m.event] : []));
  return entries.flatMap(([t, data]) => {
    const event = decodeHttpEvent(data);
    return event ? [{ t, data, event }] : [];
  });
}

async function untilWatched(watcher: SqlWatchClient, predicate: (event: HttpEvent) => boolean) {
  for (let i = 0; i < 500; i++) {
    const found = watchedEvents(watcher).find(({ event }) => predicate(event));
    if (found) return found.event;
    await sleep(20);
  }
  throw new Error(`never watched; got ${JSON.stringify(watchedEvents(watcher).map(({ event }) => event.http))}`);
}

const login = { method: 'POST' as const, path: '/login', headers: [['content-type', 'application/json']] as [string, string][] };

describe('watching a live HTTP console', () => {
  it('a late watcher gets the exchanges so far, then live ones, masked as recorded; the engineer sees who watches; watching is audited', async () => {
    const { id, httpConsole, auditor } = await liveConsole();
    const first = await httpConsole.send('l1', { ...login, body: `{"user":"ann","password":"hunter2","note":"${AWS_KEY}"}` });
    if (first.type !== 'exchange') throw new Error(first.message);
    // Recording-only masking: the engineer sees the detected key, the named key never.
    expect(first.exchange.request.body).toContain(AWS_KEY);

    const watcher = await watch(auditor.actor, id);
    const history = await watcher.waitForMessage('history');
    expect(history).toMatchObject({ isTrimmed: false });
    expect(watchedEvents(watcher).map(({ event }) => event.http)).toEqual(['request', 'response']);
    expect((await httpConsole.waitFor('watchers')).names).toEqual(['Ada Auditor']);
    await untilAudited(id, 'session.watch.start');

    // Live: the upstream echoes the request's headers back, the injected Authorization among them.
    const second = await httpConsole.send('e1', {
      method: 'POST',
      path: '/echo',
      headers: [['content-type', 'application/json']],
      body: `{"token":"zq-watch-secret-9","n":2}`,
    });
    expect(second.type).toBe('exchange');
    await untilWatched(watcher, (event) => event.http === 'response' && event.id === 'e1');
    expect(watcher.messages.filter((m) => m.type === 'history')).toHaveLength(1);

    const exchanges = exchangesFromEvents(watchedEvents(watcher).map(({ t, data }) => [t, 'm', data] as const));
    expect(exchanges.map((e) => [e.id, e.request.method, e.request.url, e.response?.status])).toEqual([
      ['l1', 'POST', '/login', 201],
      ['e1', 'POST', '/echo', 200],
    ]);
    expect(JSON.parse(exchanges[0]!.request.body)).toMatchObject({ user: 'ann', password: '[MASKED:field]' });
    expect(exchanges[1]!.request.headers).toContainEqual(['authorization', INJECTED_CREDENTIAL]);
    const raw = watcher.raw();
    for (const secret of [...forms, 'hunter2', 'tok-abc', AWS_KEY, 'zq-watch-secret-9']) expect(raw).not.toContain(secret);

    // Read-only: what a watcher sends is refused and never sent upstream.
    watcher.ws.send(JSON.stringify({ type: 'send', id: 'w1', request: { method: 'DELETE', path: '/echo', query: [], headers: [], body: '' } }));
    expect(await watcher.waitForMessage('error')).toMatchObject({ code: 'read_only' });
    watcher.ws.close();
    await untilAudited(id, 'session.watch.end');
    for (let i = 0; i < 100 && httpConsole.messages.filter((m) => m.type === 'watchers').length < 2; i++) await sleep(20);
    expect(httpConsole.messages.filter((m) => m.type === 'watchers').at(-1)).toEqual({ type: 'watchers', names: [] });
  });

  it('only auditors and admins watch: an engineer cannot watch someone else’s console; terminate ends the watch with the reason', async () => {
    const { id, httpConsole, auditor } = await liveConsole();
    const other = await makeUser({ name: 'Olga Other' });
    await expect(issueWatchTicket({ actor: other.actor, sessionId: id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const minted = await mintTicket({ actor: other.actor, sessionId: id, purpose: 'watch' });
    expect(await refusedStatus(gateway.localUrl(minted.wsUrl), { origin: env().publicUrl })).toBe(403);
    expect(httpConsole.messages.filter((m) => m.type === 'watchers')).toEqual([]);

    const watcher = await watch(auditor.actor, id);
    expect(await watcher.waitForMessage('history')).toMatchObject({ events: [] });
    await terminateSession({ actor: auditor.actor, sessionId: id, input: { reason: 'Calling the admin API' } });
    const message = 'Session terminated by Ada Auditor: Calling the admin API';
    expect(await httpConsole.waitFor('exit')).toMatchObject({ reason: 'terminated', message });
    expect(await watcher.waitForMessage('exit')).toMatchObject({ reason: 'terminated', message });
    await watcher.closed;
  });
});

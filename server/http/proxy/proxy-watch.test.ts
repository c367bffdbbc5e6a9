import { eq } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { decodeHttpEvent } from '@/lib/recording/http-events';
import { env } from '@/server/env';
import { liveSessions } from '@/server/relay/live-sessions';
import { issueWatchTicket } from '@/server/sessions/issue-watch-ticket';
import { describeEachDriver } from '@/test/db-drivers';
import { makeUser } from '@/test/factories';
import { connectSqlWatcher, type SqlWatchClient } from '@/test/harness/sql-watch-client';
import { CREDENTIAL, endedSession, httpResource, proxySuite, sessionsOf, userWithToken } from './testing/proxy-suite';
import { untilAudited } from '@/test/harness/until-audited';

const suite = proxySuite({ idleMs: 5_000 });
const watchers: { watcher: SqlWatchClient; sessionId: string }[] = [];
// Each watch's end is audited once its socket closes: wait for it while this test's database is still open.
afterEach(async () => {
  for (const { watcher, sessionId } of watchers.splice(0)) {
    watcher.ws.close();
    await untilAudited(sessionId, 'session.watch.end');
  }
});

/** An engineer's first request through the proxy opens their session; an auditor then watches it. */
async function watchedProxySession(recording: 'on' | 'off') {
  const resource = await httpResource(suite.upstream().base, { recording });
  const { user, token } = await userWithToken();
  const send = (path: string, init: RequestInit = {}) =>
    fetch(suite.url(resource.id, path), { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
  expect((await send('/echo?first=1')).status).toBe(200);
  const [session] = await sessionsOf(user.id);
  const auditor = await makeUser({ roles: ['auditor'], name: 'Ada Auditor' });
  const { wsUrl } = await issueWatchTicket({ actor: auditor.actor, sessionId: session!.id });
  const url = new URL(wsUrl, suite.origin());
  const watcher = await connectSqlWatcher(`ws://${new URL(suite.origin()).host}${url.pathname}${url.search}`, { origin: env().publicUrl });
  watchers.push({ watcher, sessionId: session!.id });
  await watcher.waitForMessage('history');
  return { session: session!, send, watcher, token };
}

/** What the watcher has seen of the exchanges, decoded. */
const watched = (watcher: SqlWatchClient) =>
  watcher.messages
    .slice(watcher.messages.findLastIndex((m) => m.type === 'history'))
    .flatMap((m) => (m.type === 'history' ? m.events : m.type === 'event' ? [m.event] : []))
    .map(([, text]) => decodeHttpEvent(text))
    .filter((event) => event !== undefined);

async function until(predicate: () => boolean | Promise<boolean>, what: string) {
  const deadline = Date.now() + 10_000;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`never: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describeEachDriver('HTTP proxy: watching a script’s session', () => {
  it('an auditor watching a proxy session gets the exchanges so far, then live ones, masked as recorded; terminate ends the watch', async () => {
    const { session, send, watcher, token } = await watchedProxySession('on');
    // From history: the first exchange.
    expect(watched(watcher).map((event) => event.http)).toEqual(['request', 'response']);

    expect((await send('/upload', { method: 'POST', body: JSON.stringify({ user: 'ada', password: 'hunter2-in-the-body' }) })).status).toBe(200);
    await until(() => watched(watcher).length === 4, 'the second exchange, live');
    const [, , request] = watched(watcher);
    expect(request).toMatchObject({ http: 'request', method: 'POST', url: '/upload' });

    // Nothing a watcher receives holds the injected credential, the user's token or a masked value.
    for (const secret of [CREDENTIAL, token, 'hunter2-in-the-body']) expect(watcher.raw()).not.toContain(secret);

    liveSessions().get(session.id)?.terminate('Ended by the auditor: enough for today');
    const exit = await watcher.waitForMessage('exit');
    expect(exit.message).toContain('enough for today');
    await endedSession(session.id);
  });

  it('a session on a resource that is not recorded is watched too, and nothing of it is stored', async () => {
    const { session, send, watcher } = await watchedProxySession('off');
    // Before the auditor came nothing was masked or kept: the history is empty.
    expect(watched(watcher)).toEqual([]);
    expect((await send('/echo?second=1')).status).toBe(200);
    await until(() => watched(watcher).length === 2, 'the exchange, live');
    expect(watcher.raw()).not.toContain(CREDENTIAL);
    expect(await db().select().from(recordings).where(eq(recordings.id, session.id))).toEqual([]);
  });
});

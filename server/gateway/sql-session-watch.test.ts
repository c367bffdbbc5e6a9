import type { Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { resourceMasking } from '@/db/masking-schema';
import type { SqlEvent } from '@/lib/sql/sql-events';
import { env } from '@/server/env';
import { decideSqlReview } from '@/server/sql/reviews/decide-sql-review';
import { createSession } from '@/server/sessions/create-session';
import { issueWatchTicket } from '@/server/sessions/issue-watch-ticket';
import { mintTicket } from '@/server/sessions/mint-ticket';
import { terminateSession } from '@/server/sessions/terminate-session';
import { makeResource, makeUser, postgresResource } from '@/test/factories';
import { connectSqlClient, type SqlClient } from '@/test/harness/sql-client';
import { sqlConsoleSuite } from '@/test/harness/sql-console-suite';
import { connectSqlWatcher, type SqlWatchClient } from '@/test/harness/sql-watch-client';
import { refusedStatus } from '@/test/harness/terminal-client';
import { liveSessions } from '../relay/live-sessions';
import type { SqlSessionWatch } from './sql-session-watch';
import { untilAudited } from '@/test/harness/until-audited';

const AWS_KEY = 'AKIARHUNWS7DR4ERD7TI';

const suite = sqlConsoleSuite('sqlwatch', [
  `CREATE TABLE keys (id int, note text)`,
  `INSERT INTO keys VALUES (1, 'key ${AWS_KEY} in a note'), (2, 'nothing'), (3, NULL)`,
  `CREATE TABLE t (x int)`,
]);

const origin = () => env().publicUrl;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An engineer's live SQL sqlConsole whose resource masks the recording only: the engineer sees clear values, watchers never do. */
async function liveConsole() {
  const resource = await makeResource(postgresResource(suite.target));
  await db().insert(resourceMasking).values({ resourceId: resource.id, mode: 'recording_only' });
  const engineer = await makeUser({ name: 'Erin Engineer' });
  const auditor = await makeUser({ roles: ['auditor'], name: 'Ada Auditor' });
  const created = await createSession({ actor: engineer.actor, input: { resourceId: resource.id } });
  const sqlConsole = await connectSqlClient(suite.gateway.localUrl(created.wsUrl), { origin: origin() });
  suite.track(sqlConsole);
  await sqlConsole.waitForMessage('status', (m) => m.state === 'connected');
  return { id: created.id, sqlConsole, engineer, auditor };
}

async function watch(actor: Parameters<typeof issueWatchTicket>[0]['actor'], sessionId: string): Promise<SqlWatchClient> {
  const { wsUrl } = await issueWatchTicket({ actor, sessionId });
  const watcher = await connectSqlWatcher(suite.gateway.localUrl(wsUrl), { origin: origin() });
  suite.track(watcher);
  return watcher;
}

const watchOf = (sessionId: string) => liveSessions().get(sessionId)?.watch as SqlSessionWatch;
const kinds = (events: SqlEvent[]) => events.map((event) => event.sql);

const run = (sqlConsole: SqlClient, script: string) => sqlConsole.run(script);

describe('watching a live SQL console', () => {
  it('a watcher gets each statement then its outcome, in order and masked as recorded; the engineer is told who watches; watching is audited', async () => {
    const { id, sqlConsole, auditor } = await liveConsole();
    const watcher = await watch(auditor.actor, id);
    expect(await watcher.waitForMessage('history')).toMatchObject({ events: [], isTrimmed: false });
    expect((await sqlConsole.waitForMessage('watchers')).names).toEqual(['Ada Auditor']);
    await untilAudited(id, 'session.watch.start');

    const selected = await run(sqlConsole, 'SELECT id, note FROM keys ORDER BY id');
    // Recording-only masking: the engineer sees the key in the cell, the watcher nothing of it.
    expect(JSON.stringify(selected.results[0]?.rows)).toContain(AWS_KEY);
    await watcher.waitForEvent((event) => event.sql === 'finished' && event.id === selected.id);
    expect(kinds(watcher.events())).toEqual(['run', 'statement', 'result', 'finished']);
    expect(watcher.events()[1]).toMatchObject({ sql: 'statement', text: 'SELECT id, note FROM keys ORDER BY id' });
    expect(watcher.events()[2]).toMatchObject({ sql: 'result', command: 'SELECT', rowCount: 3, rows: [], error: null });

    // A secret typed in a statement, and quoted back in an error, reaches the watcher masked.
    const typed = await run(sqlConsole, `SELECT 1 AS "${AWS_KEY}"`);
    const failed = await run(sqlConsole, `SELECT * FROM "${AWS_KEY}"`);
    expect(failed.status).toBe('error');
    const error = await watcher.waitForEvent((event) => event.sql === 'result' && event.id === failed.id);
    expect(error).toMatchObject({
      sql: 'result',
      error: { code: expect.any(String) as unknown, message: expect.stringMatching(/relation .* does not exist/) as unknown },
    });
    expect(watcher.events().find((event) => event.sql === 'statement' && event.id === typed.id)).toMatchObject({
      text: expect.stringContaining('MASKED') as unknown,
    });
    expect(watcher.raw()).not.toContain(AWS_KEY);

    // Read-only: a watcher's message is refused and never runs.
    watcher.ws.send(JSON.stringify({ type: 'run', id: 'w1', script: 'DROP TABLE t' }));
    expect(await watcher.waitForMessage('error')).toMatchObject({ code: 'read_only' });

    watcher.ws.close();
    await untilAudited(id, 'session.watch.end');
    for (let i = 0; i < 100 && sqlConsole.messages.filter((m) => m.type === 'watchers').length < 2; i++) await sleep(20);
    expect(sqlConsole.messages.filter((m) => m.type === 'watchers').at(-1)).toEqual({ type: 'watchers', names: [] });
  });

  it('a late watcher first gets the statements so far, then live ones; a held run shows who decided', async () => {
    const { id, sqlConsole, auditor } = await liveConsole();
    const first = await run(sqlConsole, 'SELECT 1 AS one');
    const approver = await makeUser({ roles: ['approver'], name: 'Avery Approver' });
    const heldId = sqlConsole.start('DELETE FROM t');
    const held = await sqlConsole.waitForMessage('held', (m) => m.id === heldId);

    const watcher = await watch(auditor.actor, id);
    const history = await watcher.waitForMessage('history');
    expect(history.events.length).toBeGreaterThanOrEqual(5);
    expect(
      watcher
        .events()
        .filter((event) => event.id === first.id)
        .map((event) => event.sql),
    ).toEqual(['run', 'statement', 'result', 'finished']);
    expect(watcher.events().find((event) => event.id === heldId)).toMatchObject({ sql: 'run', script: 'DELETE FROM t', editor: '' });
    expect(watcher.events().find((event) => event.sql === 'verdict')).toMatchObject({ id: heldId, action: 'review' });

    await decideSqlReview({ actor: approver.actor, input: { reviewId: held.reviewId, decision: 'deny', comment: 'Not now' } });
    const decided = await watcher.waitForEvent((event) => event.sql === 'review');
    expect(decided).toMatchObject({ id: heldId, status: 'denied', decider: 'Avery Approver', comment: 'Not now' });
    const later = await run(sqlConsole, 'SELECT 2 AS two');
    await watcher.waitForEvent((event) => event.sql === 'finished' && event.id === later.id);
    expect(watcher.messages.filter((m) => m.type === 'history')).toHaveLength(1);
  });

  it('a watcher that stops reading is dropped and resynced; the console runs on', async () => {
    const { id, sqlConsole, auditor } = await liveConsole();
    const watcher = await watch(auditor.actor, id);
    await watcher.waitForMessage('history');
    const watcherSocket = (watcher.ws as unknown as { _socket: Duplex })._socket;
    watcherSocket.pause();

    // Six statements of ~10 KB per run, each sent to the watcher, until the kernel's buffers and
    // then the watch buffer are full (~10 MB on loopback). Were the watcher able to hold the sqlConsole back, this would stall.
    const padding = 'x'.repeat(9_800);
    const script = Array.from({ length: 6 }, (_, i) => `SELECT ${i} AS n /* ${padding} */`).join(';\n');
    const resyncs = () => [...watchOf(id).resyncCounts().values()];
    let runs = 0;
    while (runs < 800 && !(resyncs()[0]! > 0)) {
      expect((await run(sqlConsole, script)).status).toBe('ok');
      runs += 1;
    }
    expect(runs).toBeLessThan(800);
    for (let i = 0; i < 3; i++) expect((await run(sqlConsole, script)).status).toBe('ok');
    expect(resyncs()).toHaveLength(1);
    expect(resyncs()[0]).toBeGreaterThan(0);

    watcherSocket.resume();
    const last = await run(sqlConsole, 'SELECT 42 AS after_flood');
    // A fresh history (the resync), then live events again.
    await watcher.waitForEvent((event) => event.sql === 'finished' && event.id === last.id, 30_000);
    expect(watcher.messages.filter((m) => m.type === 'history').length).toBeGreaterThanOrEqual(2);
  }, 240_000);

  it('only auditors and admins watch: an engineer’s ticket is refused at the upgrade; terminate ends the watch with the reason', async () => {
    const { id, sqlConsole, auditor } = await liveConsole();
    const other = await makeUser({ name: 'Olga Other' });
    await expect(issueWatchTicket({ actor: other.actor, sessionId: id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const minted = await mintTicket({ actor: other.actor, sessionId: id, purpose: 'watch' });
    expect(await refusedStatus(suite.gateway.localUrl(minted.wsUrl), { origin: origin() })).toBe(403);
    expect(sqlConsole.messages.filter((m) => m.type === 'watchers')).toEqual([]);

    const watcher = await watch(auditor.actor, id);
    await watcher.waitForMessage('history');
    await terminateSession({ actor: auditor.actor, sessionId: id, input: { reason: 'Reading customer keys' } });
    const message = 'Session terminated by Ada Auditor: Reading customer keys';
    expect(await sqlConsole.waitForMessage('exit')).toMatchObject({ reason: 'terminated', message });
    expect(await watcher.waitForMessage('exit')).toMatchObject({ reason: 'terminated', message });
    await watcher.closed;
  });
});

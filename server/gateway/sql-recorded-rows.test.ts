import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { sqlSettings } from '@/db/sql-schema';
import { DEFAULT_SQL_POLICY } from '@/lib/sql/risk-classes';
import { buildReplayModel, type SqlReplayModel } from '@/lib/sql/replay-model';
import { toResultsCsv, toSqlJson, toSqlScript } from '@/lib/sql/sql-recording-export';
import { decodeSqlEvent } from '@/lib/sql/sql-events';
import type { Actor } from '@/server/actor/actor';
import { env } from '@/server/env';
import { iterateEvents } from '@/server/recording/read-events';
import { createSession } from '@/server/sessions/create-session';
import { decideSqlReview } from '@/server/sql/reviews/decide-sql-review';
import { makeResource, makeUser, postgresResource } from '@/test/factories';
import { connectSqlClient, type SqlClient } from '@/test/harness/sql-client';
import { sqlConsoleSuite } from '@/test/harness/sql-console-suite';
import { sqlSessionTexts } from '@/test/harness/sql-recording-texts';
import recordedTwice from '@/lib/sql/testing/rows-in-pages-and-results.json';

type MarkerEvent = [number, string, string];

/**
 * What a SQL recording stores of a statement's rows: each kept row once, in the page that sent
 * it, and the replay and exports show them as they did when the result event held them too.
 */

const HEADER = { title: 'items', startedAt: '2026-12-04T20:06:00.000Z' };
/** A statement's moment and duration in the .sql export (they differ between two runs). */
const TIMES = /^-- (#\d+ · )?2026-.*?\) · ([\d.]+ m?s · )?/gm;

const suite = sqlConsoleSuite('sqlrows', [
  'CREATE TABLE items (id int PRIMARY KEY, email text, note text)',
  // Every 50th note holds an AWS key: the value detector masks it wherever it lands.
  `INSERT INTO items SELECT g, 'user-' || g || '@example.com', CASE WHEN g % 50 = 0 THEN 'key AKIAIOSFODNN7EXAMPLE' ELSE 'plain ' || g END FROM generate_series(1, 600) g`,
]);

async function openConsole(settings: { rowCap: number; recordedRows: number }) {
  const resource = await makeResource(postgresResource({ ...suite.target }));
  await db()
    .insert(sqlSettings)
    .values({ resourceId: resource.id, policy: DEFAULT_SQL_POLICY, ...settings });
  const { actor } = await makeUser();
  const created = await createSession({ actor, input: { resourceId: resource.id } });
  const client = await connectSqlClient(suite.gateway.localUrl(created.wsUrl), { origin: env().publicUrl });
  suite.track(client);
  await client.waitForMessage('status', (m) => m.state === 'connected');
  return { actor, client, sessionId: created.id };
}

/** Closes the console and reads the recording's marker events as the replay receives them. */
async function closeAndRead(opened: { actor: Actor; client: SqlClient; sessionId: string }) {
  opened.client.ws.close();
  await sqlSessionTexts(opened.actor, opened.sessionId);
  const [recording] = await db().select().from(recordings).where(eq(recordings.id, opened.sessionId));
  if (!recording) throw new Error('no recording');
  const events: MarkerEvent[] = [];
  for await (const event of iterateEvents(recording)) if (event.kind === 'm') events.push([event.t, 'm', event.data.toString('utf8')]);
  return { events };
}

/** The session of the fixture: a truncated multi-page result, a failure after a page, a denied run, a write, a syntax error. */
async function runFixtureSession() {
  const opened = await openConsole({ rowCap: 400, recordedRows: 260 });
  const { client } = opened;
  await client.run('SELECT id, email, note FROM items ORDER BY id');
  await client.run('SELECT n, 100 / (250 - n) AS q FROM generate_series(1, 600) n');
  const approver = await makeUser({ roles: ['approver'] });
  const id = client.start('DELETE FROM items');
  const held = await client.waitForMessage('held', (m) => m.id === id);
  await decideSqlReview({ actor: approver.actor, input: { reviewId: held.reviewId, decision: 'deny', comment: 'not today' } });
  await client.waitForMessage('review', (m) => m.reviewId === held.reviewId);
  await client.run('UPDATE items SET note = note WHERE id < 3');
  await client.run('SELEC 1');
  return closeAndRead(opened);
}

/** What a reader shows of a replay model, leaving out times and ids that differ between two runs of one session. */
function shown(model: SqlReplayModel) {
  return toSqlJson(model).map((run) => ({
    script: run.script,
    verdict: run.verdict?.action ?? null,
    review: run.review ? [run.review.status, run.review.comment] : null,
    statements: run.statements.map(({ text, result }) => {
      if (!result) return { text };
      const { t: _t, durationMs: _durationMs, ...figures } = result;
      return { text, ...figures };
    }),
  }));
}

it('stores each kept row once: a 500-row result costs its rows once, in its pages', async () => {
  const opened = await openConsole({ rowCap: 10_000, recordedRows: 500 });
  const run = await opened.client.run('SELECT id, email, note FROM items ORDER BY id LIMIT 500');
  expect(run.results[0]?.rows).toHaveLength(500);
  const { events } = await closeAndRead(opened);
  const decoded = events.map(([, , data]) => decodeSqlEvent(data));
  const bytes = (kind: string) => events.filter((_, i) => decoded[i]?.sql === kind).reduce((sum, [, , data]) => sum + Buffer.byteLength(data), 0);
  const pageBytes = bytes('page');
  const allBytes = events.reduce((sum, [, , data]) => sum + Buffer.byteLength(data), 0);
  // When the result event held the rows again, the events were twice the pages (49 kB, not 25 kB).
  // Every reader decodes these bytes; the stored chunks are Brotli, which mostly found the repeat.
  expect(pageBytes).toBeGreaterThan(20_000);
  expect(bytes('result')).toBeLessThan(1_000);
  expect(allBytes).toBeLessThan(pageBytes + 2_000);
  // Every kept row still replays and exports, masked as the console showed it.
  const model = buildReplayModel(events);
  expect(model.statements[0]?.result?.rows).toEqual(run.results[0]?.rows);
  expect(toResultsCsv(model, 1)?.split('\r\n')).toHaveLength(1 + 500 + 1);
  expect(JSON.stringify(events)).not.toMatch(/user-\d+@/);
}, 60_000);

it('records a session that replays and exports as it did when rows were written twice', async () => {
  const { events } = await runFixtureSession();
  const now = buildReplayModel(events);
  const before = buildReplayModel(recordedTwice as MarkerEvent[]);
  expect(now.entries.map((e) => e.kind)).toEqual(before.entries.map((e) => e.kind));
  expect(shown(now)).toEqual(shown(before));
  expect(now.statements.map((s) => s.result?.masked)).toEqual(before.statements.map((s) => s.result?.masked));
  expect(toResultsCsv(now)).toBe(toResultsCsv(before));
  expect(toSqlScript(now, HEADER).replace(TIMES, '')).toBe(toSqlScript(before, HEADER).replace(TIMES, ''));
}, 60_000);

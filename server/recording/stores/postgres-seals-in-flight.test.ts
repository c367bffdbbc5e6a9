import { fork } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject, it } from 'vitest';
import { db, openDb, setDb, type DbHandle } from '@/db/client';
import { recordingFrames, recordings } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import { makeUser } from '@/test/factories';
import { createDatabase } from '@/test/harness/postgres';
import { decodeChunk, FORMAT_VERSION } from '../format';
import { iterateEvents } from '../read-events';
import { RecordingLog } from '../recording-log';
import { recoverRecording } from '../recover-recordings';
import type { SealCrashChildInit, SealCrashChildReply } from '../testing/seal-crash-child';
import { verifyChain } from '../verify-recording';
import { PostgresRecordingStore, SEALS_IN_FLIGHT } from './postgres-store';

const store = new PostgresRecordingStore();
let handle: DbHandle;
let url: string;
beforeAll(async () => {
  url = await createDatabase(inject('postgresUrl'), `t_seals_${process.pid}`);
  handle = await openDb({ driver: 'postgres', url });
  setDb(handle);
});
afterAll(async () => {
  setDb(undefined);
  await handle?.close();
});

// Every chunk insert is slow, even chunks slower than odd ones (a later chunk would overtake
// an earlier one if nothing kept the order); the log says when each ran and when it committed.
beforeEach(async () => {
  await db().execute(sql`create table chunk_log (seq integer not null, phase text not null, at timestamptz not null)`);
  await db().execute(sql`create function slow_chunk() returns trigger language plpgsql as $$ begin
    insert into chunk_log values (new.seq, 'start', clock_timestamp());
    perform pg_sleep(case when new.seq % 2 = 0 then 0.3 else 0.02 end);
    insert into chunk_log values (new.seq, 'end', clock_timestamp());
    return new; end $$`);
  await db().execute(sql`create function chunk_committed() returns trigger language plpgsql as $$ begin
    insert into chunk_log values (new.seq, 'commit', clock_timestamp()); return null; end $$`);
  await db().execute(sql`create trigger slow_chunk before insert on recording_chunks for each row execute function slow_chunk()`);
  await db().execute(
    sql`create constraint trigger chunk_committed after insert on recording_chunks deferrable initially deferred for each row execute function chunk_committed()`,
  );
});
afterEach(async () => {
  await db().execute(sql`drop trigger if exists slow_chunk on recording_chunks`);
  await db().execute(sql`drop trigger if exists chunk_committed on recording_chunks`);
  await db().execute(sql`drop function if exists slow_chunk, chunk_committed`);
  await db().execute(sql`drop table if exists chunk_log`);
});

async function newRecording(): Promise<string> {
  const { user } = await makeUser();
  const [session] = await db()
    .insert(sessions)
    .values({ userId: user.id, resourceName: 'host', resourceType: 'ssh', status: 'active', startedAt: sql`now()` })
    .returning();
  await db().insert(recordings).values({ id: session!.id, userId: user.id, store: 'postgres', formatVersion: FORMAT_VERSION, cols: 80, rows: 24 });
  return session!.id;
}

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

type LogRow = { seq: number; phase: 'start' | 'end' | 'commit'; at: Date };
async function chunkLog(): Promise<LogRow[]> {
  return rows<LogRow>(await db().execute(sql`select seq, phase, at from chunk_log order by at`)).map((row) => ({ ...row, at: new Date(row.at) }));
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  return rows<{ n: number }>(await db().execute(query))[0]!.n;
}

/** The most chunk inserts that ran at the same moment. */
function mostAtOnce(rows: LogRow[]): number {
  let running = 0;
  let most = 0;
  for (const row of rows) {
    if (row.phase === 'start') most = Math.max(most, ++running);
    else if (row.phase === 'end') running--;
  }
  return most;
}

async function outputOf(id: string): Promise<string> {
  const [row] = await db().select().from(recordings).where(eq(recordings.id, id));
  const output: Buffer[] = [];
  for await (const event of iterateEvents(row!)) if (event.kind === 'o') output.push(event.data);
  return Buffer.concat(output).toString();
}

/** The output in the recording's sealed chunks alone (a live recording's events include its open tail). */
async function sealedOutput(id: string): Promise<string> {
  const chunks = await Promise.all((await store.listChunks(id)).map((chunk) => store.readChunk(id, chunk.seq)));
  return chunks.flatMap((bytes) => decodeChunk(bytes).events.flatMap((event) => (event.kind === 'o' ? [event.data.toString()] : []))).join('');
}

it('stores several sealed chunks of a recording at once and commits them in order', async () => {
  const id = await newRecording();
  const writer = await store.create(id, (error) => expect.unreachable(error.message));
  const log = new RecordingLog({ recordingId: id, writer, isBatching: true, chunkBytes: 16 * 1024, onError: (error) => expect.unreachable(error.message) });
  let expected = '';
  for (let line = 0; expected.length < 8 * 16 * 1024; line++) {
    const text = `line ${line} ${'.'.repeat(line % 70)}\r\n`;
    expected += text;
    log.append('o', Buffer.from(text));
  }
  const started = Date.now();
  const stats = await log.finish();
  const elapsed = Date.now() - started;

  const rows = await chunkLog();
  expect(mostAtOnce(rows)).toBe(SEALS_IN_FLIGHT);
  const commits = rows.filter((row) => row.phase === 'commit').map((row) => row.seq);
  expect(commits).toEqual([...commits].sort((a, b) => a - b));
  expect(commits).toHaveLength(stats.chunkCount);
  // Five slow (even) chunks one after another would take 1.5 s.
  expect(elapsed).toBeLessThan(1_500);
  expect(await outputOf(id)).toBe(expected);
  expect(await db().select().from(recordingFrames).where(eq(recordingFrames.recordingId, id))).toEqual([]);
}, 60_000);

it('leaves a chain with no gap when it is killed with several chunks being stored, and recovery keeps what was stored', async () => {
  // Chunk 2's insert hangs: the chunks after it are stored but must not become visible.
  await db().execute(sql`create or replace function slow_chunk() returns trigger language plpgsql as $$ begin
    if new.seq = 2 then perform pg_sleep(60); end if; return new; end $$`);
  const id = await newRecording();
  const child = fork(path.join(__dirname, '..', 'testing', 'seal-crash-child.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  let written = '';
  try {
    child.on('message', (reply: SealCrashChildReply) => {
      if (reply.type === 'wrote') written = reply.output;
    });
    child.send({ url, recordingId: id, chunks: 12 } satisfies SealCrashChildInit);
    // Killed once chunks 0 and 1 are committed and the chunks after chunk 2 are inserted (waiting
    // to commit, or committed). Without waiting for chunk 1's commit, chunk 1 could be one of the
    // transactions counted as waiting, and the kill lost it (a CI run stored [0] only).
    for (let i = 0; ; i++) {
      if (i > 1000) throw new Error('the writer never had several chunks in flight');
      const [sleeping, waiting, before] = [
        await count(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event = 'PgSleep'`),
        await count(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and state = 'idle in transaction'`),
        await count(sql`select count(*)::int as n from recording_chunks where recording_id = ${id} and seq < 2`),
      ];
      const later = await count(sql`select count(*)::int as n from recording_chunks where recording_id = ${id} and seq > 2`);
      if (before === 2 && ((sleeping > 0 && waiting >= SEALS_IN_FLIGHT - 1) || later > 0)) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill('SIGKILL');
    await once(child, 'exit');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  // The killed writer's backends first: they hold the table the trigger is dropped from. Only
  // those in a transaction (sleeping in the trigger, or waiting to commit): this test's own
  // pool keeps idle connections that its next queries use (terminating them failed a query).
  await db().execute(
    sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle'`,
  );
  await db().execute(sql`drop trigger slow_chunk on recording_chunks`);

  expect((await store.listChunks(id)).map((chunk) => chunk.seq)).toEqual([0, 1]);
  const storedOutput = await sealedOutput(id);
  expect(written.startsWith(storedOutput)).toBe(true);
  const [row] = await db().select().from(recordings).where(eq(recordings.id, id));
  await recoverRecording(row!);
  const [after] = await db().select().from(recordings).where(eq(recordings.id, id));
  const verified = await verifyChain(after!);
  expect(verified, verified.problem ?? '').toMatchObject({ isValid: true, hasOpenTail: false });
  // What was stored, then the open chunk's journaled frames if its clock had run (the end of the output).
  const recovered = await outputOf(id);
  expect(recovered.startsWith(storedOutput)).toBe(true);
  expect(written.endsWith(recovered.slice(storedOutput.length))).toBe(true);
}, 120_000);

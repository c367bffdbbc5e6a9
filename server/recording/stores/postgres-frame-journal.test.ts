import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { db } from '@/db/client';
import { recordingChunks, recordingFrames, recordings } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import { describeEachDriver } from '@/test/db-drivers';
import { makeUser } from '@/test/factories';
import { decodeFrames, FORMAT_VERSION } from '../format';
import { CHUNK_BYTES, RecordingLog } from '../recording-log';
import { PostgresRecordingStore } from './postgres-store';

const store = new PostgresRecordingStore();

async function newRecording(): Promise<string> {
  const { user } = await makeUser();
  const [session] = await db()
    .insert(sessions)
    .values({ userId: user.id, resourceName: 'host', resourceType: 'ssh', status: 'active', startedAt: sql`now()` })
    .returning();
  await db().insert(recordings).values({ id: session!.id, userId: user.id, store: 'postgres', formatVersion: FORMAT_VERSION, cols: 80, rows: 24 });
  return session!.id;
}

async function newLog(id: string) {
  const writer = await store.create(id, (error) => {
    throw error;
  });
  let now = 0;
  const log = new RecordingLog({
    recordingId: id,
    writer,
    isBatching: true,
    clock: () => (now += 0.001),
    onError: (error) => {
      throw error;
    },
  });
  return { writer, log };
}

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** The output frames journaled for a recording, as text. */
async function journaledOutput(id: string): Promise<string> {
  const open = await store.readOpen(id);
  return open.flatMap((chunk) => decodeFrames(chunk.frames).events.map((event) => event.data.toString())).join('');
}

describeEachDriver('PostgreSQL recording journal', () => {
  // Every row ever inserted into the journal, even the ones a seal deleted since.
  beforeEach(async () => {
    await db().execute(sql`create table if not exists journal_inserts (recording_id uuid not null, bytes integer not null)`);
    await db().execute(sql`create or replace function log_journal_insert() returns trigger language plpgsql as $$
      begin insert into journal_inserts values (new.recording_id, octet_length(new.data)); return new; end $$`);
    await db().execute(sql`create or replace trigger log_journal_insert after insert on recording_frames for each row execute function log_journal_insert()`);
  });
  afterEach(async () => {
    await db().execute(sql`drop trigger if exists log_journal_insert on recording_frames`);
    await db().execute(sql`drop table if exists journal_inserts`);
  });

  it('writes bulk output once, in its sealed chunks, and leaves the journal empty after the seal', async () => {
    const id = await newRecording();
    const { log } = await newLog(id);
    // 4 MB of barely compressible output in one turn, as a `cat` of a big file delivers it.
    const output = Buffer.from(randomBytes(3_000_000).toString('base64'));
    for (let offset = 0; offset < output.length; offset += 32 * 1024) {
      log.append('o', output.subarray(offset, offset + 32 * 1024));
      log.flushWrites();
    }
    const stats = await log.finish();

    expect(stats.chunkCount).toBeGreaterThanOrEqual(7);
    const [journal] = rows<{ rows: number }>(await db().execute(sql`select count(*)::int as rows from ${recordingFrames} where recording_id = ${id}`));
    expect(journal!.rows).toBe(0);
    const [chunks] = rows<{ bytes: number }>(
      await db().execute(sql`select sum(octet_length(data))::int as bytes from ${recordingChunks} where recording_id = ${id}`),
    );
    expect(chunks!.bytes).toBe(stats.storedBytes);
    // Full chunks never went to the journal; at most the last one, sealed by finish() alone,
    // may have (its clock ran while the chunks before it were stored).
    const [inserted] = rows<{ bytes: number }>(
      await db().execute(sql`select coalesce(sum(bytes), 0)::int as bytes from journal_inserts where recording_id = ${id}`),
    );
    expect(inserted!.bytes).toBeLessThanOrEqual(CHUNK_BYTES);
    expect(inserted!.bytes).toBeLessThan(output.length / 4);
  });

  it('journals the open chunk of each of several concurrent sessions apart, compressed, and a seal drops only its own rows', async () => {
    const ids = [await newRecording(), await newRecording(), await newRecording()];
    const logs = await Promise.all(ids.map((id) => newLog(id)));
    const expected = ids.map(() => '');
    for (let line = 0; line < 60; line++) {
      logs.forEach(({ log }, k) => {
        const text = `session ${k} line ${line} ${'.'.repeat(120 + (line % 50))}\r\n`;
        expected[k] += text;
        log.append('o', Buffer.from(text));
        log.flushWrites();
      });
      // The journals flush on their own clocks, interleaved with each other's appends.
      if (line % 7 === 0) await new Promise((resolve) => setTimeout(resolve, 60));
    }
    await Promise.all(logs.map(({ writer }) => writer.flushed()));

    for (const [k, id] of ids.entries()) expect(await journaledOutput(id)).toBe(expected[k]);
    const batches = await db().select({ compressed: recordingFrames.compressed }).from(recordingFrames).where(eq(recordingFrames.recordingId, ids[0]!));
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.some((batch) => batch.compressed)).toBe(true);

    await logs[0]!.log.finish();
    expect(await store.readOpen(ids[0]!)).toEqual([]);
    expect(await journaledOutput(ids[1]!)).toBe(expected[1]);
    expect(await journaledOutput(ids[2]!)).toBe(expected[2]);
    for (const { log } of logs.slice(1)) await log.finish();
    const left = await db().select({ id: recordingFrames.recordingId }).from(recordingFrames);
    expect(left).toEqual([]);
  });
});

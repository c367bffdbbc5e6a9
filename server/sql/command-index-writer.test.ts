import { asc, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { recordingCommands, recordings } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import { describeEachDriver } from '@/test/db-drivers';
import { makeUser } from '@/test/factories';
import { FORMAT_VERSION } from '../recording/format';
import { CommandIndexWriter } from './command-index-writer';

async function newRecording(): Promise<string> {
  const { user } = await makeUser();
  const [session] = await db().insert(sessions).values({ userId: user.id, resourceName: 'api', resourceType: 'http', status: 'active' }).returning();
  const id = session!.id;
  await db().insert(recordings).values({ id, userId: user.id, store: 'file', formatVersion: FORMAT_VERSION, cols: 0, rows: 0 });
  return id;
}

const indexOf = (recordingId: string) =>
  db()
    .select({
      seq: recordingCommands.seq,
      text: recordingCommands.text,
      exitCode: recordingCommands.exitCode,
      duration: recordingCommands.duration,
      failureReason: recordingCommands.failureReason,
      errorCode: recordingCommands.errorCode,
      rowCount: recordingCommands.rowCount,
    })
    .from(recordingCommands)
    .where(eq(recordingCommands.recordingId, recordingId))
    .orderBy(asc(recordingCommands.seq));

describeEachDriver('the command index of a console session', () => {
  it('keeps every statement in order with how it ended, whether it ended before its row was written or long after', async () => {
    const id = await newRecording();
    const index = new CommandIndexWriter(id);
    // Quick ones, as a script's requests come: started and ended before any write.
    index.add(0, 0.1, 'GET /health');
    index.end(0, { durationMs: 2, error: null, errorCode: '200' });
    index.add(1, 0.2, 'SELECT 1');
    index.end(1, { durationMs: 5, error: null, rowCount: 1 });
    // A slow one: its row is written while it still runs; its ending comes later.
    index.add(2, 0.3, 'SELECT pg_sleep(60)');
    await index.flush();
    expect((await indexOf(id)).map((row) => [row.seq, row.exitCode])).toEqual([
      [0, 0],
      [1, 0],
      [2, null],
    ]);
    index.end(2, { durationMs: 60_000, error: 'canceling statement due to user request', errorCode: '57014' });
    index.add(3, 61, 'SELECT x'.repeat(2_000));
    index.end(3, { durationMs: 1, error: 'column "x" does not exist', errorCode: '42703' });
    await index.flush();
    expect(await indexOf(id)).toEqual([
      { seq: 0, text: 'GET /health', exitCode: 0, duration: 0.002, failureReason: null, errorCode: '200', rowCount: null },
      { seq: 1, text: 'SELECT 1', exitCode: 0, duration: 0.005, failureReason: null, errorCode: null, rowCount: 1 },
      {
        seq: 2,
        text: 'SELECT pg_sleep(60)',
        exitCode: 1,
        duration: 60,
        failureReason: 'canceling statement due to user request',
        errorCode: '57014',
        rowCount: null,
      },
      {
        seq: 3,
        text: 'SELECT x'.repeat(2_000).slice(0, 10_000),
        exitCode: 1,
        duration: 0.001,
        failureReason: 'column "x" does not exist',
        errorCode: '42703',
        rowCount: null,
      },
    ]);
  });

  it('writes what waits without being asked, shortly after', async () => {
    const id = await newRecording();
    const index = new CommandIndexWriter(id);
    index.add(0, 0, 'GET /');
    await expect.poll(async () => (await indexOf(id)).length, { timeout: 5_000 }).toBe(1);
  });

  it('writes a batch larger than one statement can carry', async () => {
    const id = await newRecording();
    const index = new CommandIndexWriter(id);
    for (let seq = 0; seq < 1_234; seq++) {
      index.add(seq, seq / 100, `GET /item/${seq}`);
      index.end(seq, { durationMs: 1, error: null, errorCode: '200' });
    }
    await index.flush();
    const rows = await indexOf(id);
    expect(rows).toHaveLength(1_234);
    expect(rows.at(-1)).toMatchObject({ seq: 1_233, text: 'GET /item/1233', exitCode: 0 });
  });
});

import { fork } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { db, openDb, setDb, type DbHandle } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import { makeUser } from '@/test/factories';
import { createDatabase } from '@/test/harness/postgres';
import { FORMAT_VERSION } from '../format';
import { iterateEvents } from '../read-events';
import { recoverRecording } from '../recover-recordings';
import type { JournalChildInit } from '../testing/journal-child';
import { verifyChain } from '../verify-recording';
import { PostgresRecordingStore } from './postgres-store';

let handle: DbHandle;
let url: string;
beforeAll(async () => {
  url = await createDatabase(inject('postgresUrl'), `t_journal_crash_${process.pid}`);
  handle = await openDb({ driver: 'postgres', url });
  setDb(handle);
});
afterAll(async () => {
  setDb(undefined);
  await handle?.close();
});

/** Runs the journal child until its open chunk is journaled, then SIGKILLs it; returns the output it wrote. */
async function killAfterJournalFlush(init: JournalChildInit): Promise<string> {
  const child = fork(path.join(__dirname, '..', 'testing', 'journal-child.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  try {
    child.send(init);
    const [reply] = (await once(child, 'message')) as [{ type: string; output?: string; message?: string }];
    if (reply.type !== 'journaled') throw new Error(`child failed: ${reply.message}`);
    child.kill('SIGKILL');
    await once(child, 'exit');
    return reply.output!;
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

it('keeps every journaled frame when the writer is killed between a journal flush and the seal [postgres store]', async () => {
  const { user } = await makeUser();
  const [session] = await db()
    .insert(sessions)
    .values({ userId: user.id, resourceName: 'host', resourceType: 'ssh', status: 'active', startedAt: sql`now()` })
    .returning();
  const id = session!.id;
  await db().insert(recordings).values({ id, userId: user.id, store: 'postgres', formatVersion: FORMAT_VERSION, cols: 80, rows: 24 });

  const expected = await killAfterJournalFlush({ url, recordingId: id, sealedChunks: 3 });
  const store = new PostgresRecordingStore();
  expect((await store.listChunks(id)).length).toBeGreaterThanOrEqual(3);
  expect((await store.readOpen(id)).some((open) => open.frames.length > 0)).toBe(true);

  const [row] = await db().select().from(recordings).where(eq(recordings.id, id));
  const stats = await recoverRecording(row!);
  const [after] = await db().select().from(recordings).where(eq(recordings.id, id));
  const output: Buffer[] = [];
  for await (const event of iterateEvents(after!)) if (event.kind === 'o') output.push(event.data);
  expect(Buffer.concat(output).toString()).toBe(expected);
  expect(after).toMatchObject({ status: 'interrupted', outputBytes: Buffer.byteLength(expected), chunkCount: stats.chunkCount });
  expect(await verifyChain(after!)).toMatchObject({ isValid: true, hasOpenTail: false });
  expect(await store.readOpen(id)).toEqual([]);
}, 120_000);

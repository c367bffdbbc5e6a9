import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import { describeEachDriver } from '@/test/db-drivers';
import { makeUser } from '@/test/factories';
import { FORMAT_VERSION } from './format';
import { drainIndexing, scheduleIndexing, stopIndexing } from './index-queue';
import { RecordingLog } from './recording-log';
import { statsColumns } from './recorder';
import { recordingStore } from './stores/select-store';
import { captureLogs } from '@/test/harness/capture-logs';

/** A finished recording in the file store, not indexed yet. */
async function finishedRecording(lines = 50): Promise<string> {
  const { user } = await makeUser();
  const [session] = await db()
    .insert(sessions)
    .values({ userId: user.id, resourceName: 'host', resourceType: 'ssh', status: 'ended', startedAt: sql`now()` })
    .returning();
  const id = session!.id;
  await db().insert(recordings).values({ id, userId: user.id, store: 'file', formatVersion: FORMAT_VERSION, cols: 80, rows: 24 });
  const log = new RecordingLog({ recordingId: id, writer: await recordingStore('file').create(id, () => undefined), onError: () => undefined });
  for (let i = 0; i < lines; i++) log.append('o', Buffer.from(`$ echo ${i}\r\n${i}\r\n`));
  const stats = await log.finish();
  await db()
    .update(recordings)
    .set({ ...statsColumns(stats), status: 'complete' })
    .where(eq(recordings.id, id));
  return id;
}

const indexState = async (id: string) => (await db().select({ state: recordings.indexState }).from(recordings).where(eq(recordings.id, id)))[0]?.state;

describeEachDriver('indexing queue', () => {
  it('stops before the database closes: waiting jobs are dropped, the running one ends quietly, later ones run', async () => {
    const ids = [await finishedRecording(), await finishedRecording(), await finishedRecording()];
    const logs = captureLogs();
    const errors = () => logs.entries().filter((entry) => entry.level === 'error');
    try {
      const jobs = ids.map((id) => scheduleIndexing(id));
      await stopIndexing();
      await Promise.all(jobs);
      expect(errors()).toEqual([]);
      // The last ones never started: they stay pending, to be indexed when opened.
      expect(await indexState(ids[2]!)).toBe('pending');

      void scheduleIndexing(ids[2]!);
      await drainIndexing();
      expect(await indexState(ids[2]!)).toBe('ready');
      expect(errors()).toEqual([]);
    } finally {
      logs.restore();
    }
  });

  it('a recording deleted while it is indexed (a purge, a deletion) is not logged as a failed index', async () => {
    // Long enough that its indexing is still running 50 ms in (the kept worker indexes 50 lines in less).
    const id = await finishedRecording(20_000);
    const logs = captureLogs();
    try {
      const job = scheduleIndexing(id);
      // The job has read the row; the recording goes while its worker runs.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await db().delete(recordings).where(eq(recordings.id, id));
      await job;
      expect(logs.entries().filter((entry) => entry.level === 'error')).toEqual([]);
      expect(logs.entries().map((entry) => entry.msg)).toContain('recording deleted while it was being indexed');
    } finally {
      logs.restore();
    }
  });
});

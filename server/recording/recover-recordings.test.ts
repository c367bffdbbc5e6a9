import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import { describeEachDriver } from '@/test/db-drivers';
import { makeUser } from '@/test/factories';
import { FORMAT_VERSION } from './format';
import { iterateEvents } from './read-events';
import { RecordingLog } from './recording-log';
import { recoverRecordingsAtStartup, sweepOrphanedRecordings } from './recover-recordings';
import { recordingStore } from './stores/select-store';
import { verifyChain } from './verify-recording';

/** A recording whose writer "died": some chunks sealed, the rest appended but never sealed. */
async function abandonedRecording(store: 'file' | 'postgres') {
  const { user } = await makeUser();
  const [session] = await db()
    .insert(sessions)
    .values({ userId: user.id, resourceName: 'host', resourceType: 'ssh', status: 'active', startedAt: sql`now()` })
    .returning();
  const id = session!.id;
  await db().insert(recordings).values({ id, userId: user.id, store, formatVersion: FORMAT_VERSION, cols: 80, rows: 24 });
  const writer = await recordingStore(store).create(id, () => undefined);
  let now = 0;
  const log = new RecordingLog({
    recordingId: id,
    writer,
    clock: () => now,
    chunkBytes: 4096,
    onError: (error) => {
      throw error;
    },
  });
  const output: Buffer[] = [];
  for (let i = 0; i < 300; i++) {
    now = i / 10;
    const data = Buffer.from(`line ${i} ${'x'.repeat(i % 40)}\r\n`);
    output.push(data);
    log.append('o', data);
    if (i % 7 === 0) log.flushWrites();
  }
  log.flushWrites();
  // Let the sealed chunks land, then stop without sealing the rest.
  await new Promise((resolve) => setTimeout(resolve, 300));
  await writer.flushed();
  log.abandon();
  return { id, expected: Buffer.concat(output) };
}

async function recordedOutput(id: string) {
  const [row] = await db().select().from(recordings).where(eq(recordings.id, id));
  const parts: Buffer[] = [];
  for await (const event of iterateEvents(row!)) if (event.kind === 'o') parts.push(event.data);
  return { row: row!, output: Buffer.concat(parts) };
}

describeEachDriver('recording recovery', () => {
  for (const store of ['file', 'postgres'] as const) {
    it(`seals what a dead writer left open, marks it interrupted, and it verifies [${store} store]`, async () => {
      const { id, expected } = await abandonedRecording(store);
      expect((await recordingStore(store).readOpen(id)).some((open) => open.frames.length > 0)).toBe(true);
      if (store === 'file') {
        expect(await recoverRecordingsAtStartup()).toBe(1);
        const [session] = await db().select().from(sessions).where(eq(sessions.id, id));
        expect(session?.status).toBe('interrupted');
      } else {
        // Another replica may own it: nothing happens while its session is active…
        expect(await sweepOrphanedRecordings()).toBe(0);
        // …and once the gateway's stale-session sweep marked the session, it is closed.
        await db()
          .update(sessions)
          .set({ status: 'interrupted', endedAt: sql`now() - interval '5 minutes'` })
          .where(eq(sessions.id, id));
        expect(await sweepOrphanedRecordings()).toBe(1);
      }
      const { row, output } = await recordedOutput(id);
      expect(output.equals(expected)).toBe(true);
      expect(row).toMatchObject({ status: 'interrupted', outputBytes: expected.length, eventCount: 300 });
      expect(await verifyChain(row)).toMatchObject({ isValid: true, hasOpenTail: false, chunkCount: row.chunkCount });
      // Running it again changes nothing.
      expect(await sweepOrphanedRecordings()).toBe(0);
    });
  }
});

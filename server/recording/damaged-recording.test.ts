import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import { describeEachDriver } from '@/test/db-drivers';
import { rejectsWith } from '@/test/app-error';
import { makeUser } from '@/test/factories';
import { exportRecording } from './export-recording';
import { FORMAT_VERSION } from './format';
import { getEvents } from './get-events';
import { statsColumns } from './recorder';
import { CHUNK_BYTES, RecordingLog } from './recording-log';
import { FileRecordingStore } from './stores/file-store';
import { recordingStore } from './stores/select-store';

/** A finished recording in the file store, several chunks long, and its owner. */
async function storedRecording() {
  const { user, actor } = await makeUser();
  const [session] = await db()
    .insert(sessions)
    .values({ userId: user.id, resourceName: 'host', resourceType: 'ssh', status: 'ended', startedAt: sql`now()` })
    .returning();
  const id = session!.id;
  await db().insert(recordings).values({ id, userId: user.id, store: 'file', formatVersion: FORMAT_VERSION, cols: 80, rows: 24 });
  const onError = (error: Error) => expect.unreachable(error.message);
  const log = new RecordingLog({ recordingId: id, writer: await recordingStore('file').create(id, onError), onError });
  for (let i = 0; i < 3; i++) log.append('o', Buffer.from(`line ${i} ${'x'.repeat(CHUNK_BYTES)}\r\n`));
  const stats = await log.finish();
  await db()
    .update(recordings)
    .set({ ...statsColumns(stats), status: 'complete' })
    .where(eq(recordings.id, id));
  return {
    id,
    actor,
    chunkFile: (seq: number) => path.join((recordingStore('file') as FileRecordingStore).dir(id), `chunk-${String(seq).padStart(8, '0')}.phc`),
  };
}

const flipMiddleByte = (file: string) => {
  const bytes = fs.readFileSync(file);
  bytes[bytes.length >> 1]! ^= 0x20;
  fs.writeFileSync(file, bytes);
};

describeEachDriver('a damaged recording', () => {
  it('replays and exports while intact', async () => {
    const { id, actor } = await storedRecording();
    const range = await getEvents({ actor, recordingId: id, query: { from: 0, to: 1000 } });
    expect(range.events.length).toBe(3);
    expect((await exportRecording({ actor, recordingId: id, format: 'asciicast' })).filename).toMatch(/\.cast$/);
  });

  it('answers its events and every export with RECORDING_DAMAGED (409), not an internal error', async () => {
    const { id, actor, chunkFile } = await storedRecording();
    flipMiddleByte(chunkFile(1));
    const damaged = await rejectsWith(getEvents({ actor, recordingId: id, query: { from: 0, to: 1000 } }), 'RECORDING_DAMAGED');
    expect(damaged.status).toBe(409);
    for (const format of ['asciicast', 'json', 'text'] as const) {
      const refused = await rejectsWith(exportRecording({ actor, recordingId: id, format }), 'RECORDING_DAMAGED');
      expect(refused.userMessage).toMatch(/chunk 1/);
    }
  });

  it('answers RECORDING_DAMAGED for a chunk cut short', async () => {
    const { id, actor, chunkFile } = await storedRecording();
    const file = chunkFile(0);
    fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 100));
    await rejectsWith(getEvents({ actor, recordingId: id, query: { from: 0, to: 1000, keyframe: true } }), 'RECORDING_DAMAGED');
  });
});

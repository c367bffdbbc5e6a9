import fs from 'node:fs';
import path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { db } from '@/db/client';
import { recordings, type RecordingStoreKind } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import { env } from '@/server/env';
import { sealedRecording } from '@/server/retention/retention-test-helpers';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { makeUser } from '@/test/factories';
import { S3_TEST_CREDENTIALS, startS3, type S3Server } from '@/test/harness/s3';
import { encodeFrames, FORMAT_VERSION } from '../format';
import { iterateEvents } from '../read-events';
import { recordingStore } from '../stores/select-store';
import { verifyChain } from '../verify-recording';
import { migrateRecordings, type MigrationStep } from './migrate-recordings';

let s3: S3Server;
let client: S3Client;
beforeAll(async () => {
  s3 = await startS3();
  client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: S3_TEST_CREDENTIALS });
});
afterAll(async () => {
  client?.destroy();
  await s3?.stop();
});

async function objectCount(id: string): Promise<number> {
  return (await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `${id}/` }))).KeyCount ?? 0;
}

const fileCopyExists = (id: string) => fs.existsSync(path.join(env().dataDir, 'recordings', id));

async function row(id: string) {
  const [found] = await db().select().from(recordings).where(eq(recordings.id, id));
  return found!;
}

/** Every event as [t, kind, data], read through the store the row names. */
async function events(id: string) {
  const all: [number, string, string][] = [];
  for await (const event of iterateEvents(await row(id))) all.push([event.t, event.kind, event.data.toString('base64')]);
  return all;
}

/** A recording still being written: its open frames in the file store, no sealed chunk yet. */
async function liveRecording(userId: string) {
  const [session] = await db().insert(sessions).values({ userId, resourceName: 'host', resourceType: 'ssh', status: 'active' }).returning();
  const id = session!.id;
  await db().insert(recordings).values({ id, userId, store: 'file', formatVersion: FORMAT_VERSION, cols: 80, rows: 24, status: 'recording' });
  const writer = await recordingStore('file').create(id, () => undefined);
  writer.append(0, [encodeFrames([{ t: 0, kind: 'o', data: Buffer.from('not sealed yet') }])]);
  await writer.close();
  return id;
}

/** Runs the migration, dying (as a kill would) right after `step` of the second recording it reaches. */
async function killedRun(to: RecordingStoreKind, step: MigrationStep) {
  let reached = 0;
  const kill = new Error(`killed after ${step}`);
  const run = migrateRecordings({
    to,
    afterStep: (done) => {
      if (done === step && ++reached === 2) throw kill;
    },
  });
  await expect(run).rejects.toBe(kill);
}

describeEachDriver('moving recordings between stores', () => {
  beforeEach(() => {
    setTestEnv({
      PORTHOLE_RECORDING_STORE: 'file',
      PORTHOLE_S3_BUCKET: s3.bucket,
      PORTHOLE_S3_ENDPOINT: s3.endpoint,
      PORTHOLE_S3_FORCE_PATH_STYLE: '1',
      AWS_ACCESS_KEY_ID: S3_TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3_TEST_CREDENTIALS.secretAccessKey,
    });
  });
  afterEach(() => setTestEnv({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined }));

  it('file → s3 → file: resumable after a kill at either step, each chain verified, replay identical, sources removed, live recordings untouched', async () => {
    const { user } = await makeUser();
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await sealedRecording({ userId: user.id, store: 'file' }));
    await recordingStore('file').writeKeyframes(ids[0]!, [{ t: 1, bytes: Buffer.from('a keyframe') }]);
    const live = await liveRecording(user.id);
    const before = new Map<string, unknown>();
    for (const id of ids) before.set(id, await events(id));

    const dry = await migrateRecordings({ to: 's3', isDryRun: true });
    expect(dry).toMatchObject({ wouldMove: 3, moved: 0, skippedLive: 1 });
    expect(await Promise.all(ids.map(async (id) => (await row(id)).store))).toEqual(['file', 'file', 'file']);

    // Killed after switching the second recording's row, before its file copy was deleted.
    await killedRun('s3', 'switched');
    const sorted = [...ids].sort();
    expect((await row(sorted[1]!)).store).toBe('s3');
    expect(fileCopyExists(sorted[1]!)).toBe(true);
    expect((await row(sorted[2]!)).store).toBe('file');

    const lines: string[] = [];
    const resumed = await migrateRecordings({ to: 's3', onProgress: (line) => lines.push(line) });
    expect(resumed).toEqual({ moved: 1, wouldMove: 0, skippedLive: 1, failed: [], cleaned: 1 });
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^removed the file copy of /), `skip ${live}: still being recorded`]));
    for (const id of ids) {
      const moved = await row(id);
      expect(moved.store).toBe('s3');
      expect(await verifyChain(moved)).toMatchObject({ isValid: true });
      expect(await events(id)).toEqual(before.get(id));
      expect(fileCopyExists(id)).toBe(false);
      expect(await objectCount(id)).toBe(moved.chunkCount + (id === ids[0] ? 2 : 0));
    }
    expect((await recordingStore('s3').readKeyframe(ids[0]!, 0)).toString()).toBe('a keyframe');
    expect((await row(live)).store).toBe('file');
    expect(await recordingStore('file').readOpen(live)).toHaveLength(1);

    // Back again, killed after the second copy (before its switch): the re-run copies it anew.
    await killedRun('file', 'copied');
    expect((await row(sorted[1]!)).store).toBe('s3');
    // The live recording is in the file store already: nothing to skip on the way back.
    expect(await migrateRecordings({ to: 'file' })).toMatchObject({ moved: 2, failed: [], skippedLive: 0 });
    for (const id of ids) {
      const back = await row(id);
      expect(back.store).toBe('file');
      expect(await verifyChain(back)).toMatchObject({ isValid: true });
      expect(await events(id)).toEqual(before.get(id));
      expect(await objectCount(id)).toBe(0);
    }
    expect((await recordingStore('file').readKeyframe(ids[0]!, 0)).toString()).toBe('a keyframe');
    expect(await migrateRecordings({ to: 'file' })).toEqual({ moved: 0, wouldMove: 0, skippedLive: 0, failed: [], cleaned: 0 });
    expect(await recordingStore('file').readOpen(live)).toHaveLength(1);
  });

  it('a copy that does not verify is left where it was, and said so', async () => {
    const { user } = await makeUser();
    const id = await sealedRecording({ userId: user.id, store: 'file' });
    // The database's head no longer matches the chunks: the copy cannot verify.
    await db()
      .update(recordings)
      .set({ headHash: '0'.repeat(64) })
      .where(eq(recordings.id, id));
    const summary = await migrateRecordings({ to: 's3' });
    expect(summary.failed).toEqual([{ id, problem: 'the last chunk does not match the head hash recorded in the database' }]);
    expect((await row(id)).store).toBe('file');
    expect(fileCopyExists(id)).toBe(true);
  });
});

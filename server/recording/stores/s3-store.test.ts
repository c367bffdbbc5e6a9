import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { db } from '@/db/client';
import { recordingObjectChunks, recordings, recordingTombstones } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import { env } from '@/server/env';
import { checkReady } from '@/server/health/check-ready';
import { confirmHostKey } from '@/server/resources/confirm-host-key';
import { finishPurge, purgeRecording, unfinishedPurges } from '@/server/retention/purge-recording';
import { sealedRecording } from '@/server/retention/retention-test-helpers';
import { createSession } from '@/server/sessions/create-session';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { actorOf, makeAdmin, makeResource, makeUser, sshResource } from '@/test/factories';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { S3_TEST_CREDENTIALS, startS3, type S3Server } from '@/test/harness/s3';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import { connectTerminal } from '@/test/harness/terminal-client';
import { exportRecording } from '../export-recording';
import { FORMAT_VERSION } from '../format';
import { RecordingLog } from '../recording-log';
import { sweepOrphanedRecordings } from '../recover-recordings';
import { verifyChain } from '../verify-recording';
import { getEvents } from '../get-events';
import { scheduleIndexing } from '../index-queue';
import { iterateEvents } from '../read-events';
import { verifyRecording } from '../verify-recording-access';
import { recordingStore } from './select-store';

let sshd: Sshd;
let gateway: TestGateway;
let s3: S3Server;
let client: S3Client;
beforeAll(async () => {
  [sshd, gateway, s3] = await Promise.all([startSshd(), startTestGateway(), startS3()]);
  client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: S3_TEST_CREDENTIALS });
});
afterAll(async () => {
  client?.destroy();
  await Promise.all([sshd?.stop(), gateway?.close(), s3?.stop()]);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The bucket's keys under a recording's folder, read with a LIST (what the store itself never needs). */
async function objectsOf(id: string): Promise<string[]> {
  const page = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `${id}/` }));
  return (page.Contents ?? []).map((object) => object.Key!.slice(id.length + 1)).sort();
}

async function recordingRow(id: string, status: string) {
  for (let i = 0; i < 400; i++) {
    const [row] = await db().select().from(recordings).where(eq(recordings.id, id));
    if (row?.status === status) return row;
    await sleep(25);
  }
  throw new Error(`recording ${id} never reached ${status}`);
}

describeEachDriver('the s3 recording store', () => {
  beforeEach(() => {
    setTestEnv({
      PORTHOLE_RECORDING_STORE: 's3',
      PORTHOLE_S3_BUCKET: s3.bucket,
      PORTHOLE_S3_ENDPOINT: s3.endpoint,
      PORTHOLE_S3_FORCE_PATH_STYLE: '1',
      AWS_ACCESS_KEY_ID: S3_TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3_TEST_CREDENTIALS.secretAccessKey,
    });
  });
  afterEach(async () => {
    setTestEnv({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
    await gateway.idle();
  });

  async function recordSession() {
    const resource = await makeResource(sshResource({ host: sshd.host, port: sshd.port, username: sshd.username, password: sshd.password }));
    const admin = (await makeAdmin()).actor;
    await confirmHostKey({ actor: admin, resourceId: resource.id, input: { fingerprint: sshd.hostKeyFingerprint } });
    const actor = await actorOf((await makeUser()).user.id);
    const created = await createSession({ actor, input: { resourceId: resource.id } });
    const chunks: Buffer[] = [];
    let text = '';
    const term = await connectTerminal(`${gateway.localUrl(created.wsUrl)}&cols=100&rows=30`, {
      origin: env().publicUrl,
      onOutput: (chunk) => {
        chunks.push(Buffer.from(chunk));
        text += chunk.toString('latin1');
      },
    });
    // Enough output for several chunks and keyframes (one per 256 KiB).
    term.type('seq 1 150000; echo done-$((6*7))\n');
    for (let i = 0; !/done-42/.test(text); i++) {
      if (i > 3000) throw new Error('the output never ended');
      await sleep(20);
    }
    term.type('exit\n');
    await term.closed;
    const row = await recordingRow(created.id, 'complete');
    return { id: created.id, actor, admin, row, received: Buffer.concat(chunks) };
  }

  it('records a terminal session into the bucket; it replays, seeks on keyframes, verifies and exports from there', { timeout: 120_000 }, async () => {
    const { id, actor, row, received } = await recordSession();
    expect(row.store).toBe('s3');
    expect(row.chunkCount).toBeGreaterThan(1);
    // Every sealed chunk is an object; nothing of the live tail is left in the database.
    const chunkKeys = Array.from({ length: row.chunkCount }, (_, seq) => `chunk-${String(seq).padStart(8, '0')}.phc`);
    expect(await objectsOf(id)).toEqual(chunkKeys);
    expect(await recordingStore('s3').readOpen(id)).toEqual([]);
    expect((await db().select().from(recordingObjectChunks).where(eq(recordingObjectChunks.recordingId, id))).length).toBe(row.chunkCount);

    const output: Buffer[] = [];
    for await (const event of iterateEvents(row)) if (event.kind === 'o') output.push(event.data);
    expect(Buffer.concat(output).equals(received)).toBe(true);
    expect(await verifyRecording({ actor, recordingId: id })).toMatchObject({ isValid: true, problem: null, chunkCount: row.chunkCount });

    await scheduleIndexing(id);
    expect(await objectsOf(id)).toEqual([...chunkKeys, 'keyframes.bin', 'keyframes.json'].sort());
    const keyframes = await recordingStore('s3').listKeyframes(id);
    expect(keyframes.length).toBeGreaterThan(1);
    // A seek near the end starts from a keyframe read back from the bucket.
    const seek = await getEvents({ actor, recordingId: id, query: { from: row.duration - 0.01, to: row.duration + 1, keyframe: true } });
    expect(seek.keyframe).toBeTruthy();

    const cast = await exportRecording({ actor, recordingId: id, format: 'asciicast' });
    const lines = Buffer.from(await new Response(cast.body).arrayBuffer())
      .toString('utf8')
      .trim()
      .split('\n');
    const castOutput = lines
      .slice(1)
      .map((line) => JSON.parse(line) as [number, string, string])
      .filter((event) => event[1] === 'o')
      .map((event) => event[2])
      .join('');
    expect(castOutput).toBe(received.toString('utf8'));
  });

  it("keeps a live recording's tail in the database: a dead writer's open frames are sealed into the bucket by the sweep", async () => {
    const { user } = await makeUser();
    const [session] = await db().insert(sessions).values({ userId: user.id, resourceName: 'host', resourceType: 'ssh', status: 'active' }).returning();
    const id = session!.id;
    await db().insert(recordings).values({ id, userId: user.id, store: 's3', formatVersion: FORMAT_VERSION, cols: 80, rows: 24 });
    const writer = await recordingStore('s3').create(id, () => undefined);
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
    const expected: Buffer[] = [];
    for (let i = 0; i < 300; i++) {
      now = i / 10;
      expected.push(Buffer.from(`line ${i} ${'x'.repeat(i % 40)}\r\n`));
      log.append('o', expected[i]!);
      if (i % 7 === 0) log.flushWrites();
    }
    log.flushWrites();
    await sleep(300);
    await writer.flushed();
    log.abandon();
    const sealedBefore = (await objectsOf(id)).length;
    expect(sealedBefore).toBeGreaterThan(0);
    expect((await recordingStore('s3').readOpen(id)).some((open) => open.frames.length > 0)).toBe(true);

    await db()
      .update(sessions)
      .set({ status: 'interrupted', endedAt: sql`now() - interval '5 minutes'` })
      .where(eq(sessions.id, id));
    expect(await sweepOrphanedRecordings()).toBe(1);
    const [row] = await db().select().from(recordings).where(eq(recordings.id, id));
    expect(row).toMatchObject({ status: 'interrupted', eventCount: 300 });
    expect((await objectsOf(id)).length).toBe(row!.chunkCount);
    expect(row!.chunkCount).toBeGreaterThan(sealedBefore);
    expect(await recordingStore('s3').readOpen(id)).toEqual([]);
    const output: Buffer[] = [];
    for await (const event of iterateEvents(row!)) output.push(event.data);
    expect(Buffer.concat(output).equals(Buffer.concat(expected))).toBe(true);
    expect(await verifyChain(row!)).toMatchObject({ isValid: true, hasOpenTail: false });
  });

  it('is ready while the bucket answers, and not once it is gone', async () => {
    expect(await checkReady()).toBeUndefined();
    setTestEnv({ PORTHOLE_S3_BUCKET: 'no-such-bucket' });
    expect(await checkReady()).toBe('recording_store');
  });

  for (const step of ['tombstone', 'store'] as const) {
    it(`a purge that died right after its ${step} step is finished by the next run; nothing is left in the bucket`, async () => {
      const admin = (await makeAdmin()).actor;
      const id = await sealedRecording({ userId: admin.id, store: 's3', endedDaysAgo: 3 });
      await recordingStore('s3').writeKeyframes(id, [{ t: 0, bytes: Buffer.from('keyframe') }]);
      const before = await objectsOf(id);
      expect(before).toEqual(expect.arrayContaining(['chunk-00000000.phc', 'keyframes.bin', 'keyframes.json']));

      const crash = new Error(`died after ${step}`);
      const dying = {
        afterStep: (done: string) => {
          if (done === step) throw crash;
        },
      };
      await expect(purgeRecording(id, 'deleted', admin.id, dying)).rejects.toBe(crash);
      // The objects go in the store step; the row and the tombstone stay until the row step.
      expect(await objectsOf(id)).toEqual(step === 'tombstone' ? before : []);
      expect(await db().select({ id: recordings.id }).from(recordings).where(eq(recordings.id, id))).toHaveLength(1);

      expect(await unfinishedPurges()).toEqual([id]);
      await finishPurge(id, admin.id);
      expect(await objectsOf(id)).toEqual([]);
      expect(await recordingStore('s3').listChunks(id)).toEqual([]);
      expect(await db().select({ id: recordings.id }).from(recordings).where(eq(recordings.id, id))).toEqual([]);
      const [tombstone] = await db().select().from(recordingTombstones).where(eq(recordingTombstones.id, id));
      expect(tombstone).toMatchObject({ store: 's3', cause: 'deleted' });
      expect(tombstone!.purgedAt).toBeInstanceOf(Date);
      // A second finish finds nothing to do and fails on nothing.
      await finishPurge(id, admin.id);
    });
  }
});

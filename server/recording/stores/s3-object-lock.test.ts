import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { db } from '@/db/client';
import { legalHolds as legalHoldRows } from '@/db/recording-schema';
import { resources } from '@/db/schema';
import { liftHold } from '@/server/retention/lift-hold';
import { placeHold } from '@/server/retention/place-hold';
import { sealedRecording } from '@/server/retention/retention-test-helpers';
import { updateRetentionSettings } from '@/server/retention-policy/retention-settings';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { actorOf, makeAdmin, makeResource, makeUser, sshResource } from '@/test/factories';
import { startS3RequestLog, type S3RequestLog } from '@/test/harness/s3-request-log';

const DAY_MS = 86_400_000;
/** Each test gets its own key prefix, so the store (cached per bucket and prefix, with its lock mode) is made anew. */
let attempt = 0;
let s3: S3RequestLog;
beforeAll(async () => {
  s3 = await startS3RequestLog();
});
afterAll(() => s3?.stop());

const chunkPuts = () => s3.requests.filter((r) => r.method === 'PUT' && /chunk-\d{8}\.phc$/.test(r.key) && !r.query.has('legal-hold'));
const legalHolds = () => s3.requests.filter((r) => r.method === 'PUT' && r.query.has('legal-hold'));

describeEachDriver('Object Lock on the s3 store (request level)', () => {
  function configure(objectLock: string) {
    setTestEnv({
      PORTHOLE_RECORDING_STORE: 's3',
      PORTHOLE_S3_BUCKET: s3.bucket,
      PORTHOLE_S3_ENDPOINT: s3.endpoint,
      PORTHOLE_S3_FORCE_PATH_STYLE: '1',
      PORTHOLE_S3_OBJECT_LOCK: objectLock,
      PORTHOLE_S3_PREFIX: `run-${attempt++}`,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
    });
  }
  beforeEach(() => {
    s3.requests.length = 0;
    s3.lockMode = 'COMPLIANCE';
  });
  afterEach(() => setTestEnv({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined }));

  async function setup(defaultDays: number, resourceDays: number | null) {
    const admin = await actorOf((await makeAdmin()).user.id);
    await updateRetentionSettings({ actor: admin, input: { defaultDays, ownersMayDelete: false } });
    const resource = await makeResource(sshResource());
    await db().update(resources).set({ retentionDays: resourceDays }).where(eq(resources.id, resource.id));
    const engineer = await actorOf((await makeUser()).user.id);
    return { admin, engineer, resource: { id: resource.id, name: resource.name } };
  }

  it("detects the bucket's Object Lock and writes chunks with its mode and a retention date from the resource's policy", async () => {
    configure('auto');
    const { engineer, resource } = await setup(30, 10);
    const before = Date.now();
    await sealedRecording({ userId: engineer.id, resource, store: 's3' });
    expect(s3.requests.filter((r) => r.query.has('object-lock'))).toHaveLength(1);
    const puts = chunkPuts();
    expect(puts.length).toBeGreaterThan(0);
    for (const put of puts) {
      expect(put.headers['x-amz-object-lock-mode']).toBe('COMPLIANCE');
      const until = Date.parse(String(put.headers['x-amz-object-lock-retain-until-date']));
      expect(until).toBeGreaterThanOrEqual(before + 10 * DAY_MS - 1000);
      expect(until).toBeLessThanOrEqual(Date.now() + 10 * DAY_MS + 1000);
      // S3 refuses lock parameters without a checksum of the body.
      expect(put.headers['x-amz-checksum-crc32']).toBeTruthy();
      expect(put.headers['x-amz-object-lock-legal-hold']).toBeUndefined();
    }
  });

  it('keep-forever sets no retention date; a configured mode needs no lock configuration on the bucket', async () => {
    configure('governance');
    s3.lockMode = null;
    const { engineer, resource } = await setup(0, null);
    await sealedRecording({ userId: engineer.id, resource, store: 's3' });
    expect(s3.requests.filter((r) => r.query.has('object-lock'))).toEqual([]);
    for (const put of chunkPuts()) {
      expect(put.headers['x-amz-object-lock-mode']).toBeUndefined();
      expect(put.headers['x-amz-object-lock-retain-until-date']).toBeUndefined();
    }
  });

  it('off never sends Object Lock, even to a bucket that has it', async () => {
    configure('off');
    const { engineer, resource } = await setup(30, null);
    await sealedRecording({ userId: engineer.id, resource, store: 's3' });
    expect(s3.requests.filter((r) => r.query.has('object-lock'))).toEqual([]);
    expect(chunkPuts().length).toBeGreaterThan(0);
    for (const put of chunkPuts()) expect(put.headers['x-amz-object-lock-mode']).toBeUndefined();
  });

  it("a legal hold sets the objects' legal hold; lifting it clears them; chunks written under a hold are held from the start", async () => {
    configure('auto');
    const { admin, engineer, resource } = await setup(30, null);
    const held = await sealedRecording({ userId: engineer.id, resource, store: 's3' });
    const other = await sealedRecording({ userId: admin.id, store: 's3' });
    const heldChunks = chunkPuts()
      .filter((r) => r.key.includes(held))
      .map((r) => r.key);
    s3.requests.length = 0;

    const { id: holdId } = await placeHold({ actor: admin, input: { scope: 'user', targetId: engineer.id, reason: 'litigation' } });
    expect(
      legalHolds()
        .map((r) => r.key)
        .sort(),
    ).toEqual(heldChunks.sort());
    for (const request of legalHolds()) expect(request.body).toContain('<Status>ON</Status>');
    expect(legalHolds().some((r) => r.key.includes(other))).toBe(false);

    s3.requests.length = 0;
    await sealedRecording({ userId: engineer.id, resource, store: 's3' });
    for (const put of chunkPuts()) expect(put.headers['x-amz-object-lock-legal-hold']).toBe('ON');

    s3.requests.length = 0;
    await liftHold({ actor: admin, holdId, input: { reason: 'settled' } });
    expect(legalHolds().length).toBeGreaterThan(heldChunks.length);
    for (const request of legalHolds()) expect(request.body).toContain('<Status>OFF</Status>');
  });

  it('a bucket that refuses the legal hold leaves the hold unplaced, with a clear message', async () => {
    configure('auto');
    const { admin, engineer, resource } = await setup(30, null);
    await sealedRecording({ userId: engineer.id, resource, store: 's3' });
    await s3.stop();
    try {
      await expect(placeHold({ actor: admin, input: { scope: 'user', targetId: engineer.id, reason: 'litigation' } })).rejects.toMatchObject({
        code: 'UNAVAILABLE',
        userMessage: expect.stringContaining('refused the legal hold'),
      });
    } finally {
      s3 = await startS3RequestLog();
    }
    expect(await db().select().from(legalHoldRows)).toEqual([]);
  });
});

import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { annotations, recordings, recordingTombstones } from '@/db/recording-schema';
import { auditEvents, resources } from '@/db/schema';
import { describeEachDriver } from '@/test/db-drivers';
import { actorOf, makeAdmin, makeResource, makeUser, sshResource } from '@/test/factories';
import { recordingStore } from '../recording/stores/select-store';
import { deleteOwnRecording } from './delete-own-recording';
import { liftHold } from './lift-hold';
import { listHolds } from './list-holds';
import { placeHold } from './place-hold';
import { purgeExpiredRecordings } from './purge-expired';
import { recordingRetention } from './recording-retention';
import { sealedRecording } from './retention-test-helpers';
import { getRetentionSettings, updateRetentionSettings } from '../retention-policy/retention-settings';

async function exists(id: string) {
  const [row] = await db().select({ id: recordings.id }).from(recordings).where(eq(recordings.id, id));
  return Boolean(row);
}

async function setup(defaultDays: number, ownersMayDelete = false) {
  const admin = await actorOf((await makeAdmin()).user.id);
  const auditor = await actorOf((await makeUser({ roles: ['auditor'], name: 'Ada Auditor' })).user.id);
  const engineer = await actorOf((await makeUser()).user.id);
  await updateRetentionSettings({ actor: admin, input: { defaultDays, ownersMayDelete } });
  return { admin, auditor, engineer };
}

describeEachDriver('recording retention', () => {
  for (const store of ['file', 'postgres'] as const) {
    it(`purges what is past the default, keeps the rest, and leaves a tombstone and an audit event [${store} store]`, async () => {
      const { engineer } = await setup(30);
      const old = await sealedRecording({ userId: engineer.id, store, endedDaysAgo: 40 });
      const recent = await sealedRecording({ userId: engineer.id, store, endedDaysAgo: 10 });
      await db().insert(annotations).values({ recordingId: old, authorId: engineer.id, t: 1, body: 'note on the old one' });
      expect((await recordingStore(store).listChunks(old)).length).toBeGreaterThan(0);

      expect(await purgeExpiredRecordings()).toEqual({ purged: 1, resumed: 0 });

      expect(await exists(old)).toBe(false);
      expect(await exists(recent)).toBe(true);
      expect(await recordingStore(store).listChunks(old)).toEqual([]);
      expect(await db().select().from(annotations).where(eq(annotations.recordingId, old))).toEqual([]);
      const [tombstone] = await db().select().from(recordingTombstones).where(eq(recordingTombstones.id, old));
      expect(tombstone).toMatchObject({ userId: engineer.id, cause: 'retention', store });
      expect(tombstone!.purgedAt).toBeInstanceOf(Date);
      expect(tombstone!.headHash).toMatch(/^[0-9a-f]{64}$/);
      const audit = await db().select().from(auditEvents).where(eq(auditEvents.targetId, old));
      expect(audit.map((event) => event.action)).toEqual(['recording.purged']);
      // A second run finds nothing more to do.
      expect(await purgeExpiredRecordings()).toEqual({ purged: 0, resumed: 0 });
    });

    it(`finishes a purge that died after any step, on the next run [${store} store]`, async () => {
      const { engineer } = await setup(1);
      for (const step of ['tombstone', 'store'] as const) {
        const id = await sealedRecording({ userId: engineer.id, store, endedDaysAgo: 3 });
        const crash = new Error(`died after ${step}`);
        await expect(
          purgeExpiredRecordings({
            afterStep: (done) => {
              if (done === step) throw crash;
            },
          }),
        ).rejects.toBe(crash);
        const [half] = await db().select().from(recordingTombstones).where(eq(recordingTombstones.id, id));
        expect(half!.purgedAt).toBeNull();

        expect(await purgeExpiredRecordings()).toEqual({ purged: 0, resumed: 1 });
        expect(await exists(id)).toBe(false);
        expect(await recordingStore(store).listChunks(id)).toEqual([]);
        const audit = await db().select().from(auditEvents).where(eq(auditEvents.targetId, id));
        expect(audit.map((event) => event.action)).toEqual(['recording.purged']);
      }
    });
  }

  it('a resource keeps its recordings for its own number of days, 0 meaning forever', async () => {
    const { engineer } = await setup(30);
    const short = await makeResource(sshResource({ name: 'sandbox' }));
    const forever = await makeResource(sshResource({ name: 'prod-db' }));
    await db().update(resources).set({ retentionDays: 5 }).where(eq(resources.id, short.id));
    await db().update(resources).set({ retentionDays: 0 }).where(eq(resources.id, forever.id));
    const onShort = await sealedRecording({ userId: engineer.id, resource: short, endedDaysAgo: 7 });
    const onForever = await sealedRecording({ userId: engineer.id, resource: forever, endedDaysAgo: 400 });
    const onDefault = await sealedRecording({ userId: engineer.id, endedDaysAgo: 7 });

    const retention = await recordingRetention(
      {
        id: onDefault,
        userId: engineer.id,
        resourceId: null,
        startedAt: new Date().toISOString(),
        endedAt: '2027-01-01T00:00:00.000Z',
      },
      engineer,
    );
    expect(retention).toMatchObject({ days: 30, source: 'default', deletesAt: '2027-01-31T00:00:00.000Z', isHeld: false, holds: [] });

    await purgeExpiredRecordings();
    expect(await exists(onShort)).toBe(false);
    expect(await exists(onForever)).toBe(true);
    expect(await exists(onDefault)).toBe(true);
  });

  it('a legal hold on the recording, its owner or its resource stops the purge until it is lifted', async () => {
    const { auditor, engineer } = await setup(1);
    const resource = await makeResource(sshResource({ name: 'held-host' }));
    const onRecording = await sealedRecording({ userId: engineer.id, endedDaysAgo: 5 });
    const onResource = await sealedRecording({ userId: engineer.id, resource, endedDaysAgo: 5 });
    const other = await actorOf((await makeUser({ name: 'Held User' })).user.id);
    const onUser = await sealedRecording({ userId: other.id, endedDaysAgo: 5 });
    const holds = [
      await placeHold({ actor: auditor, input: { scope: 'recording', targetId: onRecording, reason: 'incident 42' } }),
      await placeHold({ actor: auditor, input: { scope: 'resource', targetId: resource.id, reason: 'incident 42' } }),
      await placeHold({ actor: auditor, input: { scope: 'user', targetId: other.id, reason: 'litigation' } }),
    ];
    expect(await purgeExpiredRecordings()).toEqual({ purged: 0, resumed: 0 });
    for (const id of [onRecording, onResource, onUser]) expect(await exists(id)).toBe(true);
    expect(
      (await recordingRetention({ id: onUser, userId: other.id, resourceId: null, startedAt: new Date().toISOString(), endedAt: null }, auditor)).deletesAt,
    ).toBeNull();
    // The person under the hold sees that their recording is kept, not why nor by whom.
    const held = { id: onUser, userId: other.id, resourceId: null, startedAt: new Date().toISOString(), endedAt: null };
    expect(await recordingRetention(held, other)).toMatchObject({ isHeld: true, holds: [], ownerMayDelete: false });
    expect((await recordingRetention(held, auditor)).holds).toEqual([expect.objectContaining({ scope: 'user', reason: expect.any(String) })]);

    const listed = await listHolds({ actor: auditor });
    expect(listed.map((hold) => hold.targetLabel)).toEqual(expect.arrayContaining(['held-host', expect.stringContaining('Held User')]));
    await expect(placeHold({ actor: auditor, input: { scope: 'user', targetId: other.id, reason: 'twice' } })).rejects.toMatchObject({ code: 'CONFLICT' });

    await liftHold({ actor: auditor, holdId: holds[2]!.id, input: { reason: 'case closed' } });
    expect(await purgeExpiredRecordings()).toEqual({ purged: 1, resumed: 0 });
    expect(await exists(onUser)).toBe(false);
    const actions = (await db().select().from(auditEvents)).map((event) => event.action);
    expect(actions.filter((action) => action === 'legal_hold.placed')).toHaveLength(3);
    expect(actions).toContain('legal_hold.lifted');
  });

  it('only auditors and admins place, list and lift holds', async () => {
    const { engineer, auditor } = await setup(0);
    const id = await sealedRecording({ userId: engineer.id });
    await expect(placeHold({ actor: engineer, input: { scope: 'recording', targetId: id, reason: 'mine now' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listHolds({ actor: engineer })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const hold = await placeHold({ actor: auditor, input: { scope: 'recording', targetId: id, reason: 'keep it' } });
    await expect(liftHold({ actor: engineer, holdId: hold.id, input: { reason: 'please' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(placeHold({ actor: auditor, input: { scope: 'recording', targetId: id, reason: '' } })).rejects.toMatchObject({ name: 'ZodError' });
  });

  it('refuses a retention that is not a number of days (a JSON null or an emptied field is not 0, "forever")', async () => {
    const { admin } = await setup(30, false);
    for (const defaultDays of [null, '', true, [3], '0x10']) {
      await expect(updateRetentionSettings({ actor: admin, input: { defaultDays, ownersMayDelete: false } })).rejects.toMatchObject({ name: 'ZodError' });
    }
    expect(await getRetentionSettings()).toMatchObject({ defaultDays: 30 });
  });

  it('owners delete their own recordings only when allowed, never under a hold, and it is audited', async () => {
    const { admin, auditor, engineer } = await setup(0, false);
    const mine = await sealedRecording({ userId: engineer.id });
    await expect(deleteOwnRecording({ actor: engineer, recordingId: mine })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await updateRetentionSettings({ actor: admin, input: { defaultDays: 0, ownersMayDelete: true } });

    const stranger = await actorOf((await makeUser()).user.id);
    await expect(deleteOwnRecording({ actor: stranger, recordingId: mine })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(deleteOwnRecording({ actor: auditor, recordingId: mine })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const hold = await placeHold({ actor: auditor, input: { scope: 'user', targetId: engineer.id, reason: 'investigation' } });
    await expect(deleteOwnRecording({ actor: engineer, recordingId: mine })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await exists(mine)).toBe(true);

    await liftHold({ actor: auditor, holdId: hold.id, input: { reason: 'done' } });
    await deleteOwnRecording({ actor: engineer, recordingId: mine });
    expect(await exists(mine)).toBe(false);
    const [tombstone] = await db().select().from(recordingTombstones).where(eq(recordingTombstones.id, mine));
    expect(tombstone).toMatchObject({ cause: 'deleted' });
    const audit = await db().select().from(auditEvents).where(eq(auditEvents.targetId, mine));
    expect(audit.find((event) => event.action === 'recording.deleted')?.actorId).toBe(engineer.id);
  });
});

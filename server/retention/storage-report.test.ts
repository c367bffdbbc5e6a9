import { expect, it } from 'vitest';
import { describeEachDriver } from '@/test/db-drivers';
import { actorOf, makeAdmin, makeResource, makeUser, sshResource } from '@/test/factories';
import { placeHold } from './place-hold';
import { sealedRecording } from './retention-test-helpers';
import { updateRetentionSettings } from '../retention-policy/retention-settings';
import { storageReport } from './storage-report';

describeEachDriver('recording storage report', () => {
  it('adds up storage by resource and user, and lists what the next purge removes (never a held recording)', async () => {
    const admin = await actorOf((await makeAdmin()).user.id);
    const ada = await actorOf((await makeUser({ name: 'Ada' })).user.id);
    const bob = await actorOf((await makeUser({ name: 'Bob' })).user.id);
    await updateRetentionSettings({ actor: admin, input: { defaultDays: 30, ownersMayDelete: false } });
    const web = await makeResource(sshResource({ name: 'web-1' }));
    const db = await makeResource(sshResource({ name: 'db-1' }));
    const expired = await sealedRecording({ userId: ada.id, resource: web, endedDaysAgo: 45 });
    await sealedRecording({ userId: ada.id, resource: web, endedDaysAgo: 1 });
    const held = await sealedRecording({ userId: bob.id, resource: db, endedDaysAgo: 90 });
    await placeHold({ actor: admin, input: { scope: 'recording', targetId: held, reason: 'incident' } });

    const report = await storageReport({ actor: admin });
    expect(report.total.count).toBe(3);
    expect(report.total.bytes).toBeGreaterThan(0);
    expect(report.byResource.map((row) => [row.label, row.count])).toEqual(
      expect.arrayContaining([
        ['web-1', 2],
        ['db-1', 1],
      ]),
    );
    expect(report.byUser.find((row) => row.key === ada.id)?.count).toBe(2);
    expect(report.nextPurge.count).toBe(1);
    expect(report.nextPurge.sample.map((row) => row.key)).toEqual([expired]);

    await expect(storageReport({ actor: ada })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

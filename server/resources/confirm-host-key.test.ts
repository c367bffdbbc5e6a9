import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, resources } from '@/db/schema';
import { describeEachDriver } from '@/test/db-drivers';
import { makeAdmin, makeResource, makeUser, sshResource } from '@/test/factories';
import { freePort } from '@/test/harness/free-port';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import { confirmHostKey } from './confirm-host-key';
import { fetchResourceHostKey } from './fetch-resource-host-key';

let sshd: Sshd;
beforeAll(async () => {
  sshd = await startSshd();
});
afterAll(async () => {
  await sshd?.stop();
});

const pinned = async (id: string) => (await db().select().from(resources).where(eq(resources.id, id)))[0];

describeEachDriver('host key pinning', () => {
  it('shows the fingerprint first, pins it only when the admin confirms the same one', async () => {
    const { actor } = await makeAdmin();
    const resource = await makeResource(sshResource({ host: sshd.host, port: sshd.port }));

    const check = await fetchResourceHostKey({ actor, resourceId: resource.id });
    expect(check).toEqual({ fingerprint: sshd.hostKeyFingerprint, keyType: 'ssh-ed25519', pinnedFingerprint: null, matchesPinned: false });
    expect((await pinned(resource.id))?.hostKeyFingerprint).toBeNull();

    const other = 'SHA256:' + 'B'.repeat(43);
    await expect(confirmHostKey({ actor, resourceId: resource.id, input: { fingerprint: other } })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await pinned(resource.id))?.hostKeyFingerprint).toBeNull();

    await confirmHostKey({ actor, resourceId: resource.id, input: { fingerprint: check.fingerprint } });
    expect(await pinned(resource.id)).toMatchObject({ hostKey: sshd.hostKey, hostKeyFingerprint: sshd.hostKeyFingerprint });
    expect((await fetchResourceHostKey({ actor, resourceId: resource.id })).matchesPinned).toBe(true);
    const [event] = await db().select().from(auditEvents).where(eq(auditEvents.action, 'resource.host_key_confirm'));
    expect(event?.data).toMatchObject({ fingerprint: sshd.hostKeyFingerprint, previous: null });
  });

  it('is for admins, for SSH resources, and reports an unreachable host clearly', async () => {
    const { actor } = await makeAdmin();
    const engineer = (await makeUser()).actor;
    const resource = await makeResource(sshResource({ host: '127.0.0.1', port: await freePort() }));
    await expect(fetchResourceHostKey({ actor: engineer, resourceId: resource.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(fetchResourceHostKey({ actor, resourceId: resource.id })).rejects.toMatchObject({
      code: 'VALIDATION',
      userMessage: expect.stringMatching(/Connection refused/),
    });
    await expect(confirmHostKey({ actor, resourceId: resource.id, input: { fingerprint: 'md5:xx' } })).rejects.toMatchObject({ name: 'ZodError' });
  });
});

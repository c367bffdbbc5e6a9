import { expect, it } from 'vitest';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { makeAdmin, makeResource, makeUser, postgresResource, sshResource } from '@/test/factories';
import { db } from '@/db/client';
import { resources } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { deleteResource } from './delete-resource';
import { findResource, requireResource } from './find-resource';
import { getResource } from './get-resource';
import { openCredentials } from './resource-credentials';
import { updateResource } from './update-resource';

describeEachDriver('updateResource', () => {
  it('keeps the stored password when the update leaves it out, and replaces it when given', async () => {
    const { actor } = await makeAdmin();
    const created = await makeResource(sshResource({ password: 'original-password' }));
    const renamed = await updateResource({ actor, resourceId: created.id, input: { name: 'renamed', password: '' } });
    expect(renamed).toMatchObject({ name: 'renamed', hasPassword: true });
    let row = await requireResource(created.id);
    expect(openCredentials(row.id, row.credentials).password).toBe('original-password');

    await updateResource({ actor, resourceId: created.id, input: { password: 'rotated-password' } });
    row = await requireResource(created.id);
    expect(openCredentials(row.id, row.credentials).password).toBe('rotated-password');
    expect(row.credentials).not.toContain('rotated-password');
  });

  it('leaves fields that are not in the update as they were', async () => {
    const { actor } = await makeAdmin();
    const created = await makeResource(
      postgresResource({ tags: ['env=prod'], tls: { mode: 'require' }, allowedRoles: ['approver'], accessMode: 'approval', description: 'orders' }),
    );
    const view = await updateResource({ actor, resourceId: created.id, input: { name: 'orders-primary' } });
    expect(view).toMatchObject({
      name: 'orders-primary',
      tags: ['env=prod'],
      tlsMode: 'require',
      allowedRoles: ['approver'],
      accessMode: 'approval',
      description: 'orders',
      database: 'app',
    });
  });

  it('forgets a pinned SSH host key when the address changes', async () => {
    const { actor } = await makeAdmin();
    const created = await makeResource(sshResource());
    await db().update(resources).set({ hostKey: 'AAAA', hostKeyFingerprint: 'SHA256:abc' }).where(eq(resources.id, created.id));
    expect((await updateResource({ actor, resourceId: created.id, input: { description: 'x' } })).hostKeyFingerprint).toBe('SHA256:abc');
    expect((await updateResource({ actor, resourceId: created.id, input: { port: 2222 } })).hostKeyFingerprint).toBeNull();
  });

  it('clears the stored password when host, port, database or user name of a database resource changes', async () => {
    const { actor } = await makeAdmin();
    const stored = async (id: string) => {
      const row = await requireResource(id);
      return openCredentials(row.id, row.credentials);
    };
    for (const change of [{ host: 'attacker.example' }, { port: 6543 }, { database: 'other' }, { username: 'someone' }]) {
      const created = await makeResource(postgresResource({ password: 'keep-me-secret' }));
      const view = await updateResource({ actor, resourceId: created.id, input: change });
      expect(view, JSON.stringify(change)).toMatchObject({ ...change, hasPassword: false });
      expect(await stored(created.id)).toEqual({});
    }
    // Unchanged values, or other fields, keep it; a password given with the new host is the one kept.
    const created = await makeResource(postgresResource({ password: 'keep-me-secret' }));
    await updateResource({
      actor,
      resourceId: created.id,
      input: { host: 'db.internal', port: 5432, database: 'app', username: 'app', tls: { mode: 'require' } },
    });
    expect((await stored(created.id)).password).toBe('keep-me-secret');
    const moved = await updateResource({ actor, resourceId: created.id, input: { host: 'db2.internal', password: 'new-secret' } });
    expect(moved).toMatchObject({ host: 'db2.internal', hasPassword: true });
    expect((await stored(created.id)).password).toBe('new-secret');
  });

  it('clears the stored secrets and pinned host key when an SSH target or user name changes, keeping a key given with it', async () => {
    const { actor } = await makeAdmin();
    const privateKey = '-----BEGIN OPENSSH PRIVATE KEY-----\nnew\n-----END OPENSSH PRIVATE KEY-----';
    const created = await makeResource(sshResource({ password: 'old-ssh-password' }));
    const pin = () => db().update(resources).set({ hostKey: 'AAAA', hostKeyFingerprint: 'SHA256:abc' }).where(eq(resources.id, created.id));
    await pin();
    const renamed = await updateResource({ actor, resourceId: created.id, input: { username: 'root' } });
    expect(renamed).toMatchObject({ username: 'root', hasPassword: false, hasPrivateKey: false, hostKeyFingerprint: null });

    await updateResource({ actor, resourceId: created.id, input: { password: 'second-password' } });
    await pin();
    const moved = await updateResource({ actor, resourceId: created.id, input: { host: '10.9.9.9', privateKey } });
    expect(moved).toMatchObject({ hasPassword: false, hasPrivateKey: true, hostKeyFingerprint: null });
    const row = await requireResource(created.id);
    expect(openCredentials(row.id, row.credentials)).toEqual({ privateKey });
  });

  it('refuses an SSH user name that is not a POSIX user name, on the username field', async () => {
    const { actor } = await makeAdmin();
    const created = await makeResource(sshResource());
    const error = await rejectsWith(updateResource({ actor, resourceId: created.id, input: { username: 'root; rm -rf' } }), 'VALIDATION');
    expect(error.fields).toHaveProperty('username');
    expect((await requireResource(created.id)).username).toBe('deploy');
  });

  it('rejects renaming onto another resource name', async () => {
    const { actor } = await makeAdmin();
    await makeResource(sshResource({ name: 'alpha' }));
    const beta = await makeResource(sshResource({ name: 'beta' }));
    const error = await rejectsWith(updateResource({ actor, resourceId: beta.id, input: { name: 'ALPHA' } }), 'CONFLICT');
    expect(error.fields).toHaveProperty('name');
  });

  it('is for admins only; an unknown id is NOT_FOUND', async () => {
    const { actor: engineer } = await makeUser();
    const created = await makeResource(sshResource({ name: 'keep-me' }));
    await rejectsWith(updateResource({ actor: engineer, resourceId: created.id, input: { name: 'hijacked' } }), 'FORBIDDEN');
    await rejectsWith(deleteResource({ actor: engineer, resourceId: created.id }), 'FORBIDDEN');
    expect((await requireResource(created.id)).name).toBe('keep-me');

    const { actor } = await makeAdmin();
    await rejectsWith(updateResource({ actor, resourceId: '00000000-0000-4000-8000-000000000000', input: { name: 'x' } }), 'NOT_FOUND');
    await rejectsWith(getResource({ actor, resourceId: 'nope' }), 'NOT_FOUND');
  });

  it('deletes a resource for an admin', async () => {
    const { actor } = await makeAdmin();
    const created = await makeResource(sshResource());
    expect((await getResource({ actor, resourceId: created.id })).id).toBe(created.id);
    await deleteResource({ actor, resourceId: created.id });
    expect(await findResource(created.id)).toBeUndefined();
    await rejectsWith(deleteResource({ actor, resourceId: created.id }), 'NOT_FOUND');
  });
});

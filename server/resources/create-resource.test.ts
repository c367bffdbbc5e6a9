import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, resources } from '@/db/schema';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { makeAdmin, makeUser, postgresResource, sshResource } from '@/test/factories';
import { createResource } from './create-resource';
import { requireResource } from './find-resource';
import { openCredentials } from './resource-credentials';
import { resourceView } from './resource-schemas';

const PRIVATE_KEY = [
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
  '-----END OPENSSH PRIVATE KEY-----',
].join('\n');

describeEachDriver('createResource', () => {
  it('stores credentials encrypted and never shows them', async () => {
    const { actor } = await makeAdmin();
    const view = await createResource({
      actor,
      input: sshResource({ name: 'web-1', password: 'hunter2-ssh-password', privateKey: PRIVATE_KEY, passphrase: 'key-passphrase-9' }),
    });
    expect(view).toMatchObject({ name: 'web-1', type: 'ssh', port: 22, hasPassword: true, hasPrivateKey: true, tlsMode: null, database: null });
    expect(resourceView.strict().safeParse(view).success).toBe(true);

    const json = JSON.stringify(view);
    for (const secret of ['hunter2-ssh-password', 'PRIVATE KEY', 'key-passphrase-9']) expect(json).not.toContain(secret);

    const row = await requireResource(view.id);
    for (const secret of ['hunter2-ssh-password', 'PRIVATE KEY', 'key-passphrase-9', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ']) {
      expect(row.credentials).not.toContain(secret);
    }
    expect(row.credentials).toMatch(/^v1\./);
    expect(openCredentials(row.id, row.credentials)).toEqual({
      password: 'hunter2-ssh-password',
      privateKey: PRIVATE_KEY,
      passphrase: 'key-passphrase-9',
    });

    const [event] = await db().select().from(auditEvents).where(eq(auditEvents.targetId, view.id));
    expect(event).toMatchObject({ action: 'resource.create', actorId: actor.id });
    expect(JSON.stringify(event?.data)).not.toContain('hunter2');
  });

  it('fills database defaults for a PostgreSQL resource', async () => {
    const { actor } = await makeAdmin();
    const view = await createResource({ actor, input: postgresResource({ name: 'orders-db', tags: ['env=prod', 'env=prod', 'team-a'] }) });
    expect(view).toMatchObject({
      type: 'postgres',
      port: 5432,
      database: 'app',
      tlsMode: 'disable',
      accessMode: 'open',
      allowedRoles: ['engineer'],
      tags: ['env=prod', 'team-a'],
      hasPassword: true,
      hasPrivateKey: false,
    });
  });

  it('needs a password or a private key for SSH', async () => {
    const { actor } = await makeAdmin();
    const error = await rejectsWith(createResource({ actor, input: sshResource({ password: undefined }) }), 'VALIDATION');
    expect(error.fields).toHaveProperty('password');
    await rejectsWith(createResource({ actor, input: sshResource({ privateKey: 'not a key' }) }), 'VALIDATION');
  });

  it('rejects a duplicate name in any case, naming the name field', async () => {
    const { actor } = await makeAdmin();
    await createResource({ actor, input: sshResource({ name: 'Bastion' }) });
    const error = await rejectsWith(createResource({ actor, input: postgresResource({ name: 'bastion' }) }), 'CONFLICT');
    expect(error.fields).toHaveProperty('name');
    expect(await db().select().from(resources)).toHaveLength(1);
  });

  it('is for admins only', async () => {
    const { actor } = await makeUser({ roles: ['approver', 'auditor'] });
    await rejectsWith(createResource({ actor, input: sshResource() }), 'FORBIDDEN');
    expect(await db().select().from(resources)).toHaveLength(0);
  });
});

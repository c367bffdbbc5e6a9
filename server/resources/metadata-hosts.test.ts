import { expect, it } from 'vitest';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { makeAdmin, postgresResource, sshResource } from '@/test/factories';
import { createResource } from './create-resource';
import { updateResource } from './update-resource';

const REFUSED = ['Porthole does not connect to link-local (cloud metadata) addresses'];

describeEachDriver('resources and the cloud metadata service', () => {
  it('refuses a link-local or metadata host on save, however it is written', async () => {
    const { actor } = await makeAdmin();
    for (const host of ['169.254.169.254', '169.254.10.1', 'fe80::1', '[fd00:ec2::254]', 'metadata.google.internal', '2852039166', '0xa9.0xfe.0xa9.0xfe']) {
      expect((await rejectsWith(createResource({ actor, input: sshResource({ host }) }), 'VALIDATION')).fields, host).toEqual({ host: REFUSED });
    }
    const resource = await createResource({ actor, input: postgresResource({ host: '10.0.0.7' }) });
    expect((await rejectsWith(updateResource({ actor, resourceId: resource.id, input: { host: '169.254.169.254' } }), 'VALIDATION')).fields).toEqual({
      host: REFUSED,
    });
  });

  it('still accepts private hosts, and metadata hosts with PORTHOLE_ALLOW_METADATA_HOSTS=1', async () => {
    const { actor } = await makeAdmin();
    for (const host of ['10.0.0.5', '192.168.1.20', '127.0.0.1', 'db.internal', 'fd12::7']) {
      await expect(createResource({ actor, input: sshResource({ host }) })).resolves.toMatchObject({ host });
    }
    setTestEnv({ PORTHOLE_ALLOW_METADATA_HOSTS: '1' });
    await expect(createResource({ actor, input: sshResource({ host: '169.254.169.254' }) })).resolves.toMatchObject({ host: '169.254.169.254' });
  });
});

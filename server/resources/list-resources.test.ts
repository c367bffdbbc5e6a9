import { expect, it } from 'vitest';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { makeResource, makeUser, postgresResource, sshResource } from '@/test/factories';
import { listResources } from './list-resources';

describeEachDriver('listResources', () => {
  it('shows every signed-in user the catalogue by name, filtered by search, type and tag', async () => {
    const { actor } = await makeUser();
    await makeResource(sshResource({ name: 'web-1', host: 'web1.prod.internal', tags: ['env=prod', 'team-web'] }));
    await makeResource(sshResource({ name: 'Build box', host: '10.1.2.3', description: 'CI runners 100%', tags: ['env=dev'] }));
    await makeResource(postgresResource({ name: 'orders', host: 'orders.prod.internal', tags: ['env=prod'] }));
    await makeResource(postgresResource({ name: 'analytics_ro', host: 'warehouse', tags: ['team-data'] }));

    const names = async (query: Parameters<typeof listResources>[0]['query']) => (await listResources({ actor, query })).map((r) => r.name);

    expect(await names({})).toEqual(['analytics_ro', 'Build box', 'orders', 'web-1']);
    // Search matches name, description and host, case-insensitively.
    expect(await names({ q: 'PROD' })).toEqual(['orders', 'web-1']);
    expect(await names({ q: 'runners' })).toEqual(['Build box']);
    expect(await names({ q: '10.1.2' })).toEqual(['Build box']);
    // LIKE wildcards in the search are literal characters.
    expect(await names({ q: '100%' })).toEqual(['Build box']);
    expect(await names({ q: '%' })).toEqual(['Build box']);
    expect(await names({ q: '_' })).toEqual(['analytics_ro']);
    expect(await names({ type: 'postgres' })).toEqual(['analytics_ro', 'orders']);
    expect(await names({ tag: 'env=prod' })).toEqual(['orders', 'web-1']);
    expect(await names({ tag: 'env=prod', type: 'ssh', q: 'web' })).toEqual(['web-1']);
    expect(await names({ tag: 'env' })).toEqual([]);

    const list = await listResources({ actor });
    expect(JSON.stringify(list)).not.toMatch(/s3cret|credentials/);
  });

  it('rejects an unknown type filter', async () => {
    const { actor } = await makeUser();
    await rejectsWith(listResources({ actor, query: { type: 'ftp' as 'ssh' } }), 'VALIDATION');
  });
});

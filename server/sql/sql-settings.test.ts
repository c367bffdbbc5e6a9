import { expect, it } from 'vitest';
import { DEFAULT_SQL_POLICY } from '@/lib/sql/risk-classes';
import { describeEachDriver } from '@/test/db-drivers';
import { makeAdmin, makeResource, makeUser, postgresResource, sshResource } from '@/test/factories';
import { findResource } from '../resources/find-resource';
import { getSqlSettings } from './get-sql-settings';
import { updateSqlSettings } from './update-sql-settings';

const input = {
  policy: { ...DEFAULT_SQL_POLICY, ddl: 'block' as const },
  readOnly: 'on' as const,
  statementTimeoutSeconds: 5,
  rowCap: 500,
  recordedRows: 20,
  columnMasks: [{ pattern: '*iban*', strategy: 'keep-last-4' as const }],
};

describeEachDriver('SQL settings', () => {
  it('defaults: review risky classes, read-only on env=prod, 10,000 rows', async () => {
    const dev = (await findResource((await makeResource(postgresResource())).id))!;
    const prod = (await findResource((await makeResource(postgresResource({ tags: ['env=prod'] }))).id))!;
    expect(await getSqlSettings(dev)).toEqual({
      policy: DEFAULT_SQL_POLICY,
      readOnlyMode: 'auto',
      isReadOnly: false,
      statementTimeoutMs: 60_000,
      rowCap: 10_000,
      recordedRows: 100,
      columnMasks: [],
    });
    expect((await getSqlSettings(prod)).isReadOnly).toBe(true);
  });

  it('lets admins change them, and only admins, only on databases', async () => {
    const { actor } = await makeAdmin();
    const resource = await makeResource(postgresResource());
    const saved = await updateSqlSettings({ actor, resourceId: resource.id, input });
    expect(saved).toMatchObject({
      policy: { ddl: 'block' },
      isReadOnly: true,
      statementTimeoutMs: 5000,
      rowCap: 500,
      recordedRows: 20,
      columnMasks: [{ pattern: '*iban*', strategy: 'keep-last-4' }],
    });
    expect(await updateSqlSettings({ actor, resourceId: resource.id, input: { ...input, readOnly: 'off' } })).toMatchObject({ isReadOnly: false });
    await expect(updateSqlSettings({ actor: (await makeUser()).actor, resourceId: resource.id, input })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const ssh = await makeResource(sshResource());
    await expect(updateSqlSettings({ actor, resourceId: ssh.id, input })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(updateSqlSettings({ actor, resourceId: resource.id, input: { ...input, rowCap: 0 } })).rejects.toMatchObject({ name: 'ZodError' });
    // An emptied field or a JSON null is not 0 ("no limit"), nor is true 1: refused, and nothing changes.
    for (const statementTimeoutSeconds of [null, '', true, [5]]) {
      await expect(updateSqlSettings({ actor, resourceId: resource.id, input: { ...input, statementTimeoutSeconds } })).rejects.toMatchObject({
        name: 'ZodError',
      });
    }
    expect(await updateSqlSettings({ actor, resourceId: resource.id, input: { ...input, statementTimeoutSeconds: '7' } })).toMatchObject({
      statementTimeoutMs: 7000,
    });
  });
});

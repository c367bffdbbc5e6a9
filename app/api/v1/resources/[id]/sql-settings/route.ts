import { readJson, withApi } from '@/server/api/with-api';
import { getSqlSettingsFor } from '@/server/sql/get-sql-settings-for';
import { sqlSettingsInput, updateSqlSettings } from '@/server/sql/update-sql-settings';

export const GET = withApi(({ actor, params }) => getSqlSettingsFor({ actor, resourceId: params.id ?? '' }), { roles: ['admin'] });
export const PUT = withApi(
  async ({ req, actor, params }) => updateSqlSettings({ actor, resourceId: params.id ?? '', input: sqlSettingsInput.parse(await readJson(req)) }),
  { roles: ['admin'] },
);

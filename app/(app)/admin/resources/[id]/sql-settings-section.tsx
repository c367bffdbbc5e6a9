import { SqlSettingsForm } from '@/components/sql/SqlSettingsForm';
import type { Resource } from '@/db/schema';
import { getSqlSettings, isProduction } from '@/server/sql/get-sql-settings';
import { updateSqlSettingsAction } from './sql-settings-actions';

/** The SQL console's rules on the admin page of a database resource. */
export async function SqlSettingsSection({ resource }: { resource: Pick<Resource, 'id' | 'tags'> }) {
  const settings = await getSqlSettings(resource);
  return <SqlSettingsForm initial={{ ...settings, isProduction: isProduction(resource) }} action={updateSqlSettingsAction.bind(null, resource.id)} />;
}

import type { Resource } from '@/db/schema';
import { ConnectorError } from '../connectors/connector-error';
import { credentialsForConnection } from '../resources/credentials-for-connection';
import type { EffectiveSqlSettings } from './get-sql-settings';
import type { SqlTarget } from '../connectors/sql/sql-connection';

/** Everything needed to reach one database; built right before connecting, never cached. */
export function sqlTargetFor(resource: Resource, settings: Pick<EffectiveSqlSettings, 'isReadOnly' | 'statementTimeoutMs'>): SqlTarget {
  if (resource.type !== 'postgres' && resource.type !== 'mysql')
    throw new ConnectorError('connect_failed', `${resource.type} resources do not open a SQL console.`);
  const credentials = credentialsForConnection(resource);
  return {
    dialect: resource.type,
    host: resource.host,
    port: resource.port,
    user: resource.username,
    password: credentials.password,
    database: resource.database ?? (resource.type === 'postgres' ? 'postgres' : ''),
    tls: { mode: resource.tls?.mode ?? 'disable', ca: resource.tls?.ca },
    isReadOnly: settings.isReadOnly,
    statementTimeoutMs: settings.statementTimeoutMs,
  };
}

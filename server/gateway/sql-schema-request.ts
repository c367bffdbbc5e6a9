import type { Resource } from '@/db/schema';
import type { SqlServerMessage } from '@/lib/protocol/sql-protocol';
import { ConnectorError } from '../connectors/connector-error';
import type { EffectiveSqlSettings } from '../sql/get-sql-settings';
import { loadSchemaTree } from '../sql/load-schema-tree';
import type { OpenSqlConnection } from '../sql/open-sql-connection';
import type { SqlConnection } from '../connectors/sql/sql-connection';
import { SqlError } from '../connectors/sql/sql-error';
import { sqlTargetFor } from '../sql/sql-target';

/** The schema tree for the console's autocomplete, or why it cannot be read. */
export async function sendSchemaTree(
  resource: Resource,
  settings: EffectiveSqlSettings,
  openConnection: OpenSqlConnection,
  send: (message: SqlServerMessage) => void,
): Promise<void> {
  let connection: SqlConnection | undefined;
  try {
    // Its own short-lived connection: autocomplete must not wait behind a long query.
    connection = await openConnection(sqlTargetFor(resource, settings));
    send({ type: 'schema', schemas: await loadSchemaTree(connection) });
  } catch (error) {
    const message = error instanceof ConnectorError || error instanceof SqlError ? error.userMessage : 'Could not read the schema.';
    send({ type: 'error', code: 'schema_failed', message });
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

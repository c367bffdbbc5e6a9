import type { SqlSchemaTree } from '@/lib/protocol/sql-protocol';
import type { SqlConnection } from '../connectors/sql/sql-connection';

const MAX_COLUMNS = 20_000;

const QUERIES = {
  postgres: `SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns
    WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg\\_toast%'
    ORDER BY table_schema, table_name, ordinal_position LIMIT ${MAX_COLUMNS}`,
  mysql: `SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns
    WHERE table_schema NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys')
    ORDER BY table_schema, table_name, ordinal_position LIMIT ${MAX_COLUMNS}`,
};

/**
 * Schemas, tables and columns the connection's user can see, for autocomplete. Names only:
 * no row data, so nothing here needs masking.
 */
export async function loadSchemaTree(connection: SqlConnection): Promise<SqlSchemaTree> {
  const cursor = connection.execute(QUERIES[connection.dialect]);
  const schemas = new Map<string, Map<string, { name: string; type: string }[]>>();
  for (;;) {
    const page = await cursor.read(5000);
    for (const [schema, table, column, type] of page.rows) {
      if (!schema || !table || !column) continue;
      let tables = schemas.get(schema);
      if (!tables) schemas.set(schema, (tables = new Map<string, { name: string; type: string }[]>()));
      let columns = tables.get(table);
      if (!columns) tables.set(table, (columns = []));
      columns.push({ name: column, type: type ?? '' });
    }
    if (page.isDone) break;
  }
  return [...schemas].map(([name, tables]) => ({ name, tables: [...tables].map(([table, columns]) => ({ name: table, columns })) }));
}

import type pg from 'pg';
import type { SqlColumnSource } from '@/server/sql/sql-connection';
import { SqlError } from '@/server/sql/sql-error';

/** What a RowDescription says about a field: the table's OID and the column's number, 0 for an expression. */
export type PgFieldOrigin = { tableID: number; columnID: number };

export type PostgresSourceResolver = {
  /** The source column of each field (null: an expression); one catalog query per result at most. */
  resolve(fields: readonly PgFieldOrigin[]): Promise<(SqlColumnSource | null)[]>;
  close(): Promise<void>;
};

const CATALOG_QUERY = `SELECT a.attrelid::int8 AS rel, a.attnum::int4 AS num, n.nspname AS schema, c.relname AS "table", a.attname AS "column"
FROM unnest($1::oid[], $2::int2[]) AS f(rel, num)
JOIN pg_attribute a ON a.attrelid = f.rel AND a.attnum = f.num
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace`;

const keyOf = (tableID: number, columnID: number) => `${tableID}:${columnID}`;

/**
 * Resolves result fields to the table columns they read, from the catalog, on a second
 * connection (the console's own is busy with the open cursor). Answers are cached for the
 * connection's life: a table OID names one table until it is dropped, and a new table gets
 * a new OID. A field the catalog cannot place fails the statement: a result whose columns
 * cannot be checked against the column masks is not shown (fail closed).
 */
export function createPostgresSourceResolver(openClient: () => pg.Client): PostgresSourceResolver {
  const cache = new Map<string, SqlColumnSource>();
  let client: Promise<pg.Client> | undefined;
  let isClosed = false;

  const connected = (): Promise<pg.Client> => {
    client ??= (async () => {
      const next = openClient();
      next.on('error', () => (client = undefined));
      next.on('end', () => (client = undefined));
      try {
        await next.connect();
        return next;
      } catch (error) {
        client = undefined;
        await next.end().catch(() => undefined);
        throw error;
      }
    })();
    return client;
  };

  const lookUp = async (missing: PgFieldOrigin[]): Promise<void> => {
    let rows: { rel: string | number; num: string | number; schema: string; table: string; column: string }[];
    try {
      const answer = await (await connected()).query(CATALOG_QUERY, [missing.map((f) => f.tableID), missing.map((f) => f.columnID)]);
      rows = answer.rows as typeof rows;
    } catch (error) {
      throw new SqlError('query_failed', 'Porthole could not read which table columns this result comes from, so it is not shown.', { cause: error });
    }
    for (const row of rows) cache.set(keyOf(Number(row.rel), Number(row.num)), { schema: row.schema, table: row.table, column: row.column });
  };

  return {
    async resolve(fields) {
      const missing = new Map<string, PgFieldOrigin>();
      for (const field of fields) {
        if (field.tableID > 0 && !cache.has(keyOf(field.tableID, field.columnID))) missing.set(keyOf(field.tableID, field.columnID), field);
      }
      if (missing.size > 0) {
        if (isClosed) throw new SqlError('connection_lost', 'The connection to the database was lost.');
        await lookUp([...missing.values()]);
      }
      return fields.map((field) => {
        if (field.tableID <= 0) return null;
        const source = cache.get(keyOf(field.tableID, field.columnID));
        // The table was dropped between the statement and the lookup: nothing to check it against.
        if (!source) throw new SqlError('query_failed', 'Porthole could not tell which table column a result field comes from, so the result is not shown.');
        return source;
      });
    },
    async close() {
      isClosed = true;
      const open = client;
      client = undefined;
      if (open) await (await open.catch(() => undefined))?.end().catch(() => undefined);
    },
  };
}

import type pg from 'pg';
import type { ColumnReferences, SqlColumn, SqlColumnSource } from '@/server/sql/sql-connection';
import { SqlError } from '@/server/sql/sql-error';

/** What a RowDescription says about a field: the table's OID and the column's number, 0 for an expression. */
export type PgFieldOrigin = { tableID: number; columnID: number };

/** Where a field comes from, as the column masks need it (see SqlColumn). */
export type PgFieldSource = Pick<SqlColumn, 'source' | 'names' | 'reads'>;

export type PostgresSourceResolver = {
  /** The source of each field (source null: an expression or a view); two catalog queries per result at most. */
  resolve(fields: readonly PgFieldOrigin[]): Promise<PgFieldSource[]>;
  /** What the views (and materialized views) with these names, in any schema, read; null when none is a view. */
  readsOfViewsNamed(names: readonly string[]): Promise<ColumnReferences | null>;
  close(): Promise<void>;
};

const CATALOG_QUERY = `SELECT a.attrelid::int8 AS rel, a.attnum::int4 AS num, n.nspname AS schema, c.relname AS "table", a.attname AS "column", c.relkind AS kind
FROM unnest($1::oid[], $2::int2[]) AS f(rel, num)
JOIN pg_attribute a ON a.attrelid = f.rel AND a.attnum = f.num
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace`;

/**
 * The table columns views read, through views of views: the column dependencies their rewrite
 * rules record (a whole-row reference depends on column 0, read here as every column). A
 * function outside pg_catalog may read anything, so it comes back as a row with no column.
 */
const VIEW_READS_QUERY = `WITH RECURSIVE reads(view, classid, rel, num) AS (
  SELECT r.ev_class, d.refclassid, d.refobjid, d.refobjsubid
  FROM pg_rewrite r JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refobjid <> r.ev_class
  WHERE r.ev_class = ANY($1::oid[])
  UNION
  SELECT reads.view, d.refclassid, d.refobjid, d.refobjsubid
  FROM reads JOIN pg_rewrite r ON reads.classid = 'pg_class'::regclass AND r.ev_class = reads.rel
  JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refobjid <> r.ev_class
)
SELECT reads.view::int8 AS view, c.relname AS "table", a.attname AS "column"
FROM reads JOIN pg_class c ON reads.classid = 'pg_class'::regclass AND c.oid = reads.rel
JOIN pg_attribute a ON a.attrelid = reads.rel AND a.attnum > 0 AND NOT a.attisdropped AND (reads.num = 0 OR a.attnum = reads.num)
UNION ALL
SELECT reads.view::int8, p.proname, NULL
FROM reads JOIN pg_proc p ON reads.classid = 'pg_proc'::regclass AND p.oid = reads.rel
WHERE p.pronamespace <> 'pg_catalog'::regnamespace`;

/** Any schema: the console's search_path is not this connection's, so every view of that name counts. */
const VIEWS_NAMED_QUERY = `SELECT c.oid::int8 AS oid FROM pg_class c WHERE c.relkind IN ('v', 'm') AND lower(c.relname) = ANY($1::text[])`;

/** Relation kinds whose columns are another query's output: a view, a materialized view. */
const VIEW_KINDS = new Set(['v', 'm']);

const keyOf = (tableID: number, columnID: number) => `${tableID}:${columnID}`;

/**
 * Resolves result fields to the table columns they read, from the catalog, on a second
 * connection (the console's own is busy with the open cursor). Answers are cached for the
 * connection's life: a table OID names one table until it is dropped, and a new table gets
 * a new OID. A field the catalog cannot place fails the statement: a result whose columns
 * cannot be checked against the column masks is not shown (fail closed).
 */
export function createPostgresSourceResolver(openClient: () => pg.Client): PostgresSourceResolver {
  const cache = new Map<string, SqlColumnSource & { isView: boolean }>();
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

  const query = async <Row>(text: string, values: unknown[]): Promise<Row[]> => {
    try {
      return (await (await connected()).query(text, values)).rows as Row[];
    } catch (error) {
      throw new SqlError('query_failed', 'Porthole could not read which table columns this result comes from, so it is not shown.', { cause: error });
    }
  };

  const lookUp = async (missing: PgFieldOrigin[]): Promise<void> => {
    const rows = await query<{ rel: string | number; num: string | number; schema: string; table: string; column: string; kind: string }>(CATALOG_QUERY, [missing.map((f) => f.tableID), missing.map((f) => f.columnID)]);
    for (const row of rows) cache.set(keyOf(Number(row.rel), Number(row.num)), { schema: row.schema, table: row.table, column: row.column, isView: VIEW_KINDS.has(row.kind) });
  };

  /** Asked again for every result: CREATE OR REPLACE VIEW keeps the view's OID but changes what it reads. */
  const lookUpViews = async (views: number[]): Promise<Map<number, ColumnReferences>> => {
    const rows = await query<{ view: string | number; table: string; column: string | null }>(VIEW_READS_QUERY, [views]);
    const found = new Map<number, { columns: Set<string>; relations: Set<string>; isOpaque: boolean }>(views.map((view) => [view, { columns: new Set(), relations: new Set(), isOpaque: false }]));
    for (const row of rows) {
      const reads = found.get(Number(row.view));
      if (!reads) continue;
      if (row.column === null) reads.isOpaque = true;
      else {
        const [table, column] = [row.table.toLowerCase(), row.column.toLowerCase()];
        reads.columns.add(column).add(`${table}.${column}`);
        reads.relations.add(table);
      }
    }
    return new Map([...found].map(([view, reads]) => [view, { columns: [...reads.columns], relations: [...reads.relations], isOpaque: reads.isOpaque }]));
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
      const sources = fields.map((field) => {
        if (field.tableID <= 0) return null;
        const source = cache.get(keyOf(field.tableID, field.columnID));
        // The table was dropped between the statement and the lookup: nothing to check it against.
        if (!source) throw new SqlError('query_failed', 'Porthole could not tell which table column a result field comes from, so the result is not shown.');
        return source;
      });
      const views = [...new Set(fields.filter((field, i) => sources[i]?.isView).map((field) => field.tableID))];
      const reads = views.length > 0 ? await lookUpViews(views) : new Map<number, ColumnReferences>();
      return sources.map((source, i): PgFieldSource => {
        if (!source) return { source: null };
        const { isView, ...column } = source;
        if (!isView) return { source: column };
        // A view may rename a column (`email AS contact`): its own name is tried, and what it reads decides.
        return { source: null, names: [column.column, `${column.table}.${column.column}`], reads: reads.get(fields[i]!.tableID) ?? { columns: [], relations: [], isOpaque: true } };
      });
    },
    async readsOfViewsNamed(names) {
      if (names.length === 0) return null;
      if (isClosed) throw new SqlError('connection_lost', 'The connection to the database was lost.');
      const views = (await query<{ oid: string | number }>(VIEWS_NAMED_QUERY, [[...new Set(names)]])).map((row) => Number(row.oid));
      if (views.length === 0) return null;
      const all = [...(await lookUpViews(views)).values()];
      return { columns: all.flatMap((reads) => reads.columns), relations: all.flatMap((reads) => reads.relations), isOpaque: all.some((reads) => reads.isOpaque) };
    },
    async close() {
      isClosed = true;
      const open = client;
      client = undefined;
      if (open) await (await open.catch(() => undefined))?.end().catch(() => undefined);
    },
  };
}

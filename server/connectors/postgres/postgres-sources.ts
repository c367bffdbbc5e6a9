import type pg from 'pg';
import type { ColumnReferences, SqlColumn, SqlColumnSource } from '../sql/sql-connection';
import { SqlError } from '../sql/sql-error';

/** What a RowDescription says about a field: the table's OID and the column's number, 0 for an expression. */
export type PgFieldOrigin = { tableID: number; columnID: number };

/** Where a field comes from, as the column masks need it (see SqlColumn). */
export type PgFieldSource = Pick<SqlColumn, 'source' | 'names' | 'reads'>;

export type PostgresSourceResolver = {
  /**
   * Before a statement, on the console's own connection while no cursor holds it: loads the
   * column catalog when it may be out of date, and what the views among `names` read. Never
   * throws: what it could not load stays unknown, and resolving falls back to the lookup
   * connection, then fails closed.
   */
  prepare(client: pg.Client, names: readonly string[], isChangingCatalog: boolean): Promise<void>;
  /** The source of each field (source null: an expression or a view); a cache lookup when prepared. */
  resolve(fields: readonly PgFieldOrigin[]): Promise<PgFieldSource[]>;
  /** What the views (and materialized views) with these names, in any schema, read; null when none is a view. */
  readsOfViewsNamed(names: readonly string[]): Promise<ColumnReferences | null>;
  close(): Promise<void>;
};

/**
 * Every column of every relation (toast tables aside), for the cache, on the console's own
 * connection: one row per column, so a few hundred thousand rows at most for a very large
 * schema. Names are qualified: the engineer may set the search_path of that connection.
 */
const SNAPSHOT_QUERY = `SELECT a.attrelid::pg_catalog.int8 AS rel, a.attnum::pg_catalog.int4 AS num, n.nspname AS schema, c.relname AS "table", a.attname AS "column", c.relkind AS kind
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname !~ '^pg_toast'`;

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
  FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND d.objid = r.oid AND d.refobjid <> r.ev_class
  WHERE r.ev_class = ANY($1::pg_catalog.oid[])
  UNION
  SELECT reads.view, d.refclassid, d.refobjid, d.refobjsubid
  FROM reads JOIN pg_catalog.pg_rewrite r ON reads.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND r.ev_class = reads.rel
  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND d.objid = r.oid AND d.refobjid <> r.ev_class
)
SELECT reads.view::pg_catalog.int8 AS view, c.relname AS "table", a.attname AS "column"
FROM reads JOIN pg_catalog.pg_class c ON reads.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND c.oid = reads.rel
JOIN pg_catalog.pg_attribute a ON a.attrelid = reads.rel AND a.attnum > 0 AND NOT a.attisdropped AND (reads.num = 0 OR a.attnum = reads.num)
UNION ALL
SELECT reads.view::pg_catalog.int8, p.proname, NULL
FROM reads JOIN pg_catalog.pg_proc p ON reads.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND p.oid = reads.rel
WHERE p.pronamespace <> 'pg_catalog'::pg_catalog.regnamespace`;

/** Any schema: the console's search_path may change, so every view of that name counts. */
const VIEWS_NAMED_QUERY = `SELECT c.oid::pg_catalog.int8 AS oid, pg_catalog.lower(c.relname::pg_catalog.text) AS name FROM pg_catalog.pg_class c WHERE c.relkind IN ('v', 'm') AND pg_catalog.lower(c.relname::pg_catalog.text) = ANY($1::pg_catalog.text[])`;

/** Relation kinds whose columns are another query's output: a view, a materialized view. */
const VIEW_KINDS = new Set(['v', 'm']);

const keyOf = (tableID: number, columnID: number) => `${tableID}:${columnID}`;

type CatalogRow = { rel: string | number; num: string | number; schema: string; table: string; column: string; kind: string };
type ViewReadsRow = { view: string | number; table: string; column: string | null };

/** What the views (by OID) read, from VIEW_READS_QUERY's rows; a view with no row reads no column. */
function toViewReads(views: readonly number[], rows: readonly ViewReadsRow[]): Map<number, ColumnReferences> {
  const found = new Map<number, { columns: Set<string>; relations: Set<string>; isOpaque: boolean }>(
    views.map((view) => [view, { columns: new Set(), relations: new Set(), isOpaque: false }]),
  );
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
}

function mergeReads(all: readonly ColumnReferences[]): ColumnReferences {
  return { columns: all.flatMap((reads) => reads.columns), relations: all.flatMap((reads) => reads.relations), isOpaque: all.some((reads) => reads.isOpaque) };
}

/** The connection for what the statement's own connection did not load: opened on first use, again after it drops. */
function lookupConnection(openClient: () => pg.Client) {
  let client: Promise<pg.Client> | undefined;
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
  return {
    async query<Row>(text: string, values: unknown[]): Promise<Row[]> {
      try {
        return (await (await connected()).query(text, values)).rows as Row[];
      } catch (error) {
        throw new SqlError('query_failed', 'Porthole could not read which table columns this result comes from, so it is not shown.', { cause: error });
      }
    },
    async close(): Promise<void> {
      const open = client;
      client = undefined;
      if (open) await (await open.catch(() => undefined))?.end().catch(() => undefined);
    },
  };
}

/** What the views named by the statement now running read, loaded before it ran. */
type PreparedViews = { names: Set<string>; views: Map<number, { name: string; reads: ColumnReferences }> };

/** On the statement's own connection, before it runs: the views among `names` and what each reads. */
async function viewsNamed(own: pg.Client, names: readonly string[]): Promise<PreparedViews> {
  const wanted = [...new Set(names.map((name) => name.toLowerCase()))];
  const views =
    wanted.length === 0
      ? []
      : (await own.query<{ oid: string | number; name: string }>(VIEWS_NAMED_QUERY, [wanted])).rows.map((row) => ({ oid: Number(row.oid), name: row.name }));
  const reads =
    views.length === 0
      ? new Map<number, ColumnReferences>()
      : toViewReads(
          views.map((view) => view.oid),
          (await own.query<ViewReadsRow>(VIEW_READS_QUERY, [views.map((view) => view.oid)])).rows,
        );
  return { names: new Set(wanted), views: new Map(views.map((view) => [view.oid, { name: view.name, reads: reads.get(view.oid)! }])) };
}

/** A field's source: a table column, or for a view's column its names and what the view reads. */
function fieldSource(source: (SqlColumnSource & { isView: boolean }) | null, reads: ColumnReferences | undefined): PgFieldSource {
  if (!source) return { source: null };
  const { isView, ...column } = source;
  if (!isView) return { source: column };
  // A view may rename a column (`email AS contact`): its own name is tried, and what it reads decides.
  return { source: null, names: [column.column, `${column.table}.${column.column}`], reads: reads ?? { columns: [], relations: [], isOpaque: true } };
}

/**
 * Resolves result fields to the table columns they read, from the catalog. The console's own
 * connection is busy with the open cursor once a result arrives (and a database with one
 * backend, such as the demo, cannot serve a second connection meanwhile), so what a result
 * needs is loaded on that connection before the statement runs (`prepare`): the columns of
 * every relation, again after a statement that may change the catalog or a result that named
 * an unknown table, and what the views the statement names read. Only what is still unknown
 * is asked on a second connection, with a short timeout. A field nothing can place fails the
 * statement: a result whose columns cannot be checked against the column masks is not shown
 * (fail closed).
 */
export function createPostgresSourceResolver(openClient: () => pg.Client): PostgresSourceResolver {
  const cache = new Map<string, SqlColumnSource & { isView: boolean }>();
  let isCatalogStale = true;
  /** What the views named by the statement now running read, loaded before it ran. */
  let prepared: PreparedViews | undefined;
  let isClosed = false;
  const lookups = lookupConnection(openClient);

  const remember = (rows: readonly CatalogRow[]) => {
    for (const row of rows)
      cache.set(keyOf(Number(row.rel), Number(row.num)), { schema: row.schema, table: row.table, column: row.column, isView: VIEW_KINDS.has(row.kind) });
  };

  const lookUp = async (missing: PgFieldOrigin[]): Promise<void> => {
    remember(await lookups.query<CatalogRow>(CATALOG_QUERY, [missing.map((f) => f.tableID), missing.map((f) => f.columnID)]));
  };

  /** On the lookup connection: CREATE OR REPLACE VIEW keeps the view's OID but changes what it reads, so this is never cached. */
  const lookUpViews = async (views: number[]): Promise<Map<number, ColumnReferences>> =>
    toViewReads(views, await lookups.query<ViewReadsRow>(VIEW_READS_QUERY, [views]));

  return {
    async prepare(own, names, isChangingCatalog) {
      prepared = undefined;
      try {
        if (isCatalogStale) {
          const rows = (await own.query<CatalogRow>(SNAPSHOT_QUERY)).rows;
          // Rebuilt whole: a dropped table's OID may be given to a new one.
          cache.clear();
          remember(rows);
          isCatalogStale = false;
        }
        prepared = await viewsNamed(own, names);
      } catch {
        // An aborted transaction, a timeout: what is missing is asked on the lookup connection, or the result is not shown.
      }
      // The statement itself may create, drop or replace relations.
      if (isChangingCatalog) isCatalogStale = true;
    },
    async resolve(fields) {
      const missing = new Map<string, PgFieldOrigin>();
      for (const field of fields) {
        if (field.tableID > 0 && !cache.has(keyOf(field.tableID, field.columnID))) missing.set(keyOf(field.tableID, field.columnID), field);
      }
      if (missing.size > 0) {
        // Created since the catalog was loaded (by another session, or a function): load it again before the next statement.
        isCatalogStale = true;
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
      const reads = new Map<number, ColumnReferences>();
      for (const view of views) {
        const known = prepared?.views.get(view);
        if (known) reads.set(view, known.reads);
      }
      const unknown = views.filter((view) => !reads.has(view));
      if (unknown.length > 0) {
        if (isClosed) throw new SqlError('connection_lost', 'The connection to the database was lost.');
        for (const [view, found] of await lookUpViews(unknown)) reads.set(view, found);
      }
      return sources.map((source, i) => fieldSource(source, reads.get(fields[i]!.tableID)));
    },
    async readsOfViewsNamed(names) {
      if (names.length === 0) return null;
      const wanted = [...new Set(names.map((name) => name.toLowerCase()))];
      const known = prepared;
      if (known && wanted.every((name) => known.names.has(name))) {
        const all = [...known.views.values()].filter((view) => wanted.includes(view.name)).map((view) => view.reads);
        return all.length === 0 ? null : mergeReads(all);
      }
      if (isClosed) throw new SqlError('connection_lost', 'The connection to the database was lost.');
      const views = (await lookups.query<{ oid: string | number }>(VIEWS_NAMED_QUERY, [wanted])).map((row) => Number(row.oid));
      if (views.length === 0) return null;
      return mergeReads([...(await lookUpViews(views)).values()]);
    },
    async close() {
      isClosed = true;
      await lookups.close();
    },
  };
}

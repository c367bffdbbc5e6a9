import type { SqlDialect } from '@/lib/sql/split-statements';
import type { SqlError } from './sql-error';

/**
 * What the SQL console needs from a database connector (PostgreSQL, MySQL/MariaDB), so a
 * session runs statements without knowing the driver behind them.
 *
 * Results are pulled page by page: a page is read from the server only when the caller asks
 * for it, so a slow browser slows the database read instead of growing a buffer.
 */
export type { SqlDialect };

/** Every cell crosses the wire as text (as psql or the mysql client prints it) or NULL. */
export type SqlCell = string | null;

/** The table column a result field reads, whatever the statement calls it (`email AS e`). */
export type SqlColumnSource = { schema: string; table: string; column: string };

/**
 * The columns something may read, by name, for the column rules: a statement's own references
 * or a view's. Names are lower case; `columns` holds bare names and `table.column` forms,
 * `relations` the tables (and aliases) they may come from. `isOpaque`: it may read columns it
 * does not name (`*` inside an expression, a whole-row reference, a prepared statement, a
 * user's function), so every column counts as read.
 */
export type ColumnReferences = { columns: readonly string[]; relations: readonly string[]; isOpaque: boolean };

export type SqlColumn = {
  name: string;
  /** The database's type name (`int4`, `varchar`, ...), for alignment and display. */
  type: string;
  /**
   * Where the field comes from: a table column, or null for an expression (`lower(email)`,
   * a literal). Undefined when the driver cannot tell. Column masks apply to the source too,
   * so an alias cannot hide a masked column.
   */
  source?: SqlColumnSource | null;
  /** Other names the server reported for a field whose source is not trusted: column rules try them too. */
  names?: string[];
  /** A field read from a view (source null): the table columns the view's definition reads. */
  reads?: ColumnReferences;
};

export type SqlPage = {
  /** Set on the first page of a statement that returns rows; null for commands. */
  columns: SqlColumn[] | null;
  rows: SqlCell[][];
  /** No more rows will come: `command` and `rowCount` are final. */
  isDone: boolean;
  /** The command tag (`SELECT`, `UPDATE`, `CREATE TABLE`, ...), once done. */
  command?: string;
  /** Rows returned or affected, once done (null when the server does not say). */
  rowCount?: number | null;
};

export interface SqlCursor {
  /** The next page of at most `maxRows` rows; throws a SqlError when the statement fails. */
  read(maxRows: number): Promise<SqlPage>;
  /** Stops a statement that still has rows (the row cap was reached); the connection stays usable. */
  close(): Promise<void>;
}

export interface SqlConnection {
  readonly dialect: SqlDialect;
  /** `PostgreSQL 15.4`, `MariaDB 10.11.6`, ... */
  readonly serverVersion: string;
  readonly isReadOnly: boolean;
  /** Runs one statement (the caller splits scripts). One at a time per connection. */
  execute(statement: string): SqlCursor;
  /**
   * Cancels the statement running now, from a second connection (`pg_cancel_backend`,
   * `KILL QUERY`). Resolves false when nothing was running.
   */
  cancel(): Promise<boolean>;
  close(): Promise<void>;
  /**
   * Asks the server whether a statement is valid SQL without running it (MySQL: PREPARE).
   * Resolves with the syntax error, or null when it parses (or the server cannot tell).
   */
  checkSyntax?(statement: string): Promise<SqlError | null>;
  /**
   * What the views among these relation names read (views of views followed), so an
   * expression over a view's column is judged by the columns behind it. Null: none is a view.
   * Throws a SqlError when the catalog cannot be read (the result is then not shown).
   */
  readsOfViews?(names: readonly string[]): Promise<ColumnReferences | null>;
  /** Called once if the connection drops by itself (server restart, network). */
  onLost(listener: (error: Error) => void): void;
  /** Messages the server sends beside results (PostgreSQL notices, `RAISE NOTICE`), as one line each. */
  onNotice?(listener: (message: string) => void): void;
}

/** Settings of one console connection, from the resource and its SQL settings. */
export type SqlTarget = {
  dialect: SqlDialect;
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
  tls: { mode: 'disable' | 'require' | 'verify-full'; ca?: string };
  isReadOnly: boolean;
  /** Server-side limit for one statement (0 = none). */
  statementTimeoutMs: number;
  connectTimeoutMs?: number;
};

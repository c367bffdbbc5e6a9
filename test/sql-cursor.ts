import type { SqlCursor } from '@/server/connectors/sql/sql-connection';

/** Reads a cursor to the end; returns the rows (or only their count when `keep` is false). */
export async function drainCursor(cursor: SqlCursor, { pageRows = 1000, keep = true } = {}) {
  const rows: (string | null)[][] = [];
  let count = 0;
  let columns = null;
  for (;;) {
    const page = await cursor.read(pageRows);
    columns ??= page.columns;
    count += page.rows.length;
    if (keep) rows.push(...page.rows);
    if (page.isDone) return { columns, rows, count, command: page.command, rowCount: page.rowCount };
  }
}

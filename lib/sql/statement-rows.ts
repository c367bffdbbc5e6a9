import type { SqlEvent } from './sql-events';

type Row = (string | null)[];
type ResultEvent = Extract<SqlEvent, { sql: 'result' }>;
type PageEvent = Extract<SqlEvent, { sql: 'page' }>;

/**
 * A statement's outcome as every reader shows it: the figures of its `result` event (command,
 * columns, counts, duration, error) with the rows the recording kept and their masked cells
 * (row/column pairs numbered from the statement's first row).
 */
export type StatementResult = ResultEvent;

/** What a statement's pages recorded so far: kept rows, their masked cells, and the rows sent. */
export type GatheredRows = { columns: PageEvent['columns']; rows: Row[]; masked: number[]; sentRows: number };

/**
 * The one place that puts a statement's rows together, for the replay, the exports and any
 * other reader of a SQL recording. A statement's kept rows are recorded once, in its `page`
 * events (each recorded before the browser got it); its `result` event holds the figures.
 * Recordings made before pages existed have no page events and keep the rows in `result`:
 * a statement with no page event takes them from there. Feed every SQL event in order.
 */
export class StatementRows {
  /** Statements that have pages and no result yet, by run id, then statement index. */
  private readonly open = new Map<string, Map<number, GatheredRows>>();

  /** The statement's result with its rows when `event` is a result; undefined for any other event. */
  add(event: SqlEvent): StatementResult | undefined {
    switch (event.sql) {
      case 'run':
        // A run id the console used again starts afresh.
        this.open.delete(event.id);
        return undefined;
      case 'statement':
        this.open.get(event.id)?.delete(event.index);
        return undefined;
      case 'page':
        this.addPage(event);
        return undefined;
      case 'result':
        return this.finish(event);
      default:
        return undefined;
    }
  }

  /** The rows recorded so far of a statement that has not ended (a live or interrupted session's). */
  pending(id: string, index: number): GatheredRows | undefined {
    return this.open.get(id)?.get(index);
  }

  private addPage(page: PageEvent): void {
    let statements = this.open.get(page.id);
    if (!statements) this.open.set(page.id, (statements = new Map<number, GatheredRows>()));
    let gathered = statements.get(page.index);
    if (!gathered) statements.set(page.index, (gathered = { columns: undefined, rows: [], masked: [], sentRows: 0 }));
    if (page.columns) gathered.columns = page.columns;
    // A page numbers its masked cells from its own first row; the statement, from its first.
    const offset = gathered.rows.length;
    for (let i = 0; i + 1 < page.masked.length; i += 2) gathered.masked.push(page.masked[i]! + offset, page.masked[i + 1]!);
    for (const row of page.rows) gathered.rows.push(row);
    gathered.sentRows += page.count;
  }

  private finish(recorded: ResultEvent): StatementResult {
    // A statement without columns (UPDATE 2) returns no rows, so none were left out; recordings
    // before 2026-12-04 counted its affected rows as omitted ("first 0 kept in the recording").
    const result = recorded.columns.length === 0 && recorded.omittedRows > 0 ? { ...recorded, omittedRows: 0 } : recorded;
    const statements = this.open.get(result.id);
    const gathered = statements?.get(result.index);
    if (!gathered) return result;
    statements!.delete(result.index);
    if (statements!.size === 0) this.open.delete(result.id);
    return { ...result, rows: gathered.rows, masked: gathered.masked };
  }
}

/** Every statement result of a recording's SQL events, in order, each with its rows. */
export function statementResults(events: Iterable<SqlEvent>): StatementResult[] {
  const rows = new StatementRows();
  const results: StatementResult[] = [];
  for (const event of events) {
    const result = rows.add(event);
    if (result) results.push(result);
  }
  return results;
}

import type { SqlColumnView } from '@/lib/protocol/sql-protocol';
import type { StatementRun } from './sql-statement-run-context';

type Row = (string | null)[];

/**
 * One statement's result on its way out. Each page goes mask → record → send, as terminal
 * output does: it reaches the browser only once the recording holds it, so a crash can never
 * have shown rows the recording lacks. The recording keeps the first `recordedRows` rows of a
 * statement (masked); a page past them is recorded by its row count only.
 */
export class StatementPages {
  columns: SqlColumnView[] = [];
  /** The statement's first rows as the recording keeps them, for its result event. */
  readonly kept: Row[] = [];
  /** Masked cells of `kept` as row/column pairs. */
  readonly keptMasked: number[] = [];
  rowCount = 0;

  constructor(
    private readonly run: StatementRun,
    private readonly id: string,
    private readonly index: number,
  ) {}

  /**
   * Records the page (the statement's columns, when it starts returning rows, and its rows),
   * then sends it. False when the recording failed: nothing was sent.
   */
  relay(columns: SqlColumnView[] | undefined, rows: Row[]): boolean {
    if (!columns && rows.length === 0) return true;
    const { id, index, run } = this;
    const masked = rows.length > 0 ? run.masker.maskRows(rows) : { rows, maskedCells: [] };
    const room = Math.max(0, run.settings.recordedRows - this.kept.length);
    const isAllKept = room >= masked.rows.length;
    const keptRows = isAllKept ? masked.rows : masked.rows.slice(0, room);
    const keptCells = isAllKept ? masked.maskedCells : cellsAbove(masked.maskedCells, room);
    // A column name can carry a secret (`SELECT … AS "<key>"`): masked like any text.
    const recordedColumns = columns?.map((column) => ({ ...column, name: run.masker.maskText(column.name) }));
    const page = {
      sql: 'page',
      id,
      index,
      ...(recordedColumns ? { columns: recordedColumns } : {}),
      rows: keptRows,
      masked: keptCells,
      count: rows.length,
    } as const;
    if (!run.recorder.record(page)) return false;
    for (let i = 0; i < keptCells.length; i += 2) this.keptMasked.push(keptCells[i]! + this.kept.length, keptCells[i + 1]!);
    for (const row of keptRows) this.kept.push(row);
    this.rowCount += rows.length;
    if (columns && recordedColumns) {
      this.columns = recordedColumns;
      run.send({ type: 'columns', id, index, columns: run.isMaskingShown() ? recordedColumns : columns });
    }
    if (rows.length === 0) return true;
    if (run.isMaskingShown()) run.sendRows(id, index, masked.rows, masked.maskedCells);
    else run.sendRows(id, index, rows, []);
    return true;
  }
}

const NO_CELLS: number[] = [];

/** The masked-cell pairs (in no particular order) of the rows before `row`. */
function cellsAbove(cells: number[], row: number): number[] {
  if (row === 0) return NO_CELLS;
  const kept: number[] = [];
  for (let i = 0; i < cells.length; i += 2) if (cells[i]! < row) kept.push(cells[i]!, cells[i + 1]!);
  return kept;
}

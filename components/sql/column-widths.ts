/** Narrowest a column may be dragged to: the resize handle and an ellipsis still fit. */
export const MIN_COLUMN_WIDTH = 48;
/** Widest a column is sized automatically; a drag or a double-click may go wider. */
export const MAX_AUTO_WIDTH = 480;
/** Rows read to size columns: enough to see a result's typical widths, few enough to be instant. */
export const SAMPLE_ROWS = 300;
/** Cell padding (px-2 on both sides) plus the border and a pixel of slack. */
const CELL_CHROME = 16 + 1 + 2;

export type SizedColumn = { name: string; type: string; isComputed?: boolean };

export type TextMeasure = {
  /** Width of a header: the column's name, its marks and its type beside it. */
  header: (column: SizedColumn) => number;
  /** Width of a cell's text. */
  cell: (text: string) => number;
};

/** Which rows to measure: the first ones (seen first) and an even spread over the rest. */
export function sampleRows(rowCount: number, limit = SAMPLE_ROWS): number[] {
  if (rowCount <= limit) return Array.from({ length: rowCount }, (_, i) => i);
  const head = Math.floor(limit / 2);
  const picked = Array.from({ length: head }, (_, i) => i);
  const step = (rowCount - head) / (limit - head);
  for (let i = 0; i < limit - head; i++) picked.push(head + Math.floor(i * step));
  return picked;
}

/** One column's width from its header and the given rows' text, capped at `max`. */
export function columnWidth(column: SizedColumn, values: Iterable<string | null>, measure: TextMeasure, max = MAX_AUTO_WIDTH): number {
  let widest = measure.header(column);
  for (const value of values) widest = Math.max(widest, measure.cell(value ?? 'NULL'));
  return Math.round(Math.min(max, Math.max(MIN_COLUMN_WIDTH, widest + CELL_CHROME)));
}

/** Every column's width from the sampled rows. */
export function columnWidths(set: { columns: readonly SizedColumn[]; rows: readonly (readonly (string | null)[])[] }, measure: TextMeasure): number[] {
  const sample = sampleRows(set.rows.length);
  return set.columns.map((column, c) =>
    columnWidth(
      column,
      sample.map((r) => set.rows[r]?.[c] ?? null),
      measure,
    ),
  );
}

/** Without a canvas (the server's render): an estimate for 12 px monospace. */
export const estimatedMeasure: TextMeasure = {
  header: (column) => (column.name.length + column.type.length + (column.isComputed ? 2 : 0)) * 7 + 6,
  cell: (text) => text.length * 7.3,
};

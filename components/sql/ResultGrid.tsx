'use client';

import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useColumnWidths } from './use-column-widths';
import type { ResultSet } from './console-model';

/** Column masks follow a field to its table column; an expression has none, so only the value detectors guard it. */
const COMPUTED_NOTE = 'computed — no source column; values checked by detectors';
/** An expression (or view column) whose statement reads a masked column is masked whole; only MySQL COUNT and pg_catalog.count are spared. */
const MASKED_INPUT_NOTE = 'masked: computed from a masked column (counts too, except MySQL COUNT and pg_catalog.count)';

const ROW_HEIGHT = 24;
const OVERSCAN = 12;
const GUTTER = 56;
const NUMERIC = /^(int|float|numeric|decimal|double|real|money|smallint|bigint|tinyint|mediumint|serial|oid|year)/i;

export type CellPosition = { row: number; column: number };

/**
 * A virtualized result grid: only the rows in view are in the DOM, so 100,000 rows scroll as
 * smoothly as 100. Columns are sized from a sample of their text (again as the first pages
 * arrive: the columns come before any row), resize by dragging their edge and fit their
 * content on a double-click there; a cell is selected by click or the arrow keys, and copied
 * with Ctrl/Cmd+C (Shift for the whole row).
 */
export function ResultGrid({ set, version, onSelect }: { set: ResultSet; version: number; onSelect?: (cell: CellPosition | undefined) => void }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(400);
  const [selected, setSelected] = useState<CellPosition>();
  const columnCount = set.columns.length;
  const rowCount = set.rows.length;
  const { widths, startResize, fitColumn } = useColumnWidths(set, scrollRef, () => {
    setSelected(undefined);
    scrollRef.current?.scrollTo({ top: 0 });
  });
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewHeight(element.clientHeight));
    observer.observe(element);
    setViewHeight(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  useEffect(() => onSelect?.(selected), [selected, onSelect]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rowCount, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN);
  const totalWidth = GUTTER + widths.reduce((sum, w) => sum + w, 0);
  const isNumeric = useMemo(() => set.columns.map((c) => NUMERIC.test(c.type)), [set.columns]);

  const reveal = useCallback((row: number) => {
    const element = scrollRef.current;
    if (!element) return;
    const top = row * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight - ROW_HEIGHT) element.scrollTop = top + 2 * ROW_HEIGHT - element.clientHeight;
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!selected) return;
    const move = (row: number, column: number) => {
      event.preventDefault();
      const next = { row: Math.max(0, Math.min(rowCount - 1, row)), column: Math.max(0, Math.min(columnCount - 1, column)) };
      setSelected(next);
      reveal(next.row);
    };
    if (event.key === 'ArrowDown') move(selected.row + 1, selected.column);
    else if (event.key === 'ArrowUp') move(selected.row - 1, selected.column);
    else if (event.key === 'ArrowLeft') move(selected.row, selected.column - 1);
    else if (event.key === 'ArrowRight') move(selected.row, selected.column + 1);
    else if (event.key === 'PageDown') move(selected.row + Math.floor(viewHeight / ROW_HEIGHT), selected.column);
    else if (event.key === 'PageUp') move(selected.row - Math.floor(viewHeight / ROW_HEIGHT), selected.column);
    else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'c') {
      event.preventDefault();
      const row = set.rows[selected.row];
      if (!row) return;
      void navigator.clipboard?.writeText(event.shiftKey ? row.map((v) => v ?? 'NULL').join('\t') : (row[selected.column] ?? 'NULL'));
    }
  };

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label="Result rows"
      aria-rowcount={rowCount + 1}
      aria-colcount={columnCount}
      data-rows={rowCount}
      data-version={version}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      className="relative h-full overflow-auto focus:outline-none"
    >
      <GridHeader set={set} widths={widths} totalWidth={totalWidth} startResize={startResize} fitColumn={fitColumn} />
      <div className="relative" style={{ height: rowCount * ROW_HEIGHT, width: totalWidth }}>
        {visibleRows(first, last).map((r) => (
          <GridRow key={r} set={set} r={r} widths={widths} totalWidth={totalWidth} isNumeric={isNumeric} selected={selected} onSelect={setSelected} />
        ))}
      </div>
    </div>
  );
}

function visibleRows(first: number, last: number): number[] {
  return Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i);
}

/** One row: its number, then each cell (masked ones marked, the selected one outlined). */
function GridRow({
  set,
  r,
  widths,
  totalWidth,
  isNumeric,
  selected,
  onSelect,
}: {
  set: ResultSet;
  r: number;
  widths: number[];
  totalWidth: number;
  isNumeric: boolean[];
  selected: CellPosition | undefined;
  onSelect: (cell: CellPosition) => void;
}) {
  const row = set.rows[r]!;
  const columnCount = set.columns.length;
  return (
    <div
      role="row"
      aria-rowindex={r + 2}
      className="absolute left-0 flex border-b border-zinc-100 dark:border-zinc-800/70"
      style={{ top: r * ROW_HEIGHT, height: ROW_HEIGHT, width: totalWidth }}
    >
      <div
        role="rowheader"
        className="sticky left-0 shrink-0 bg-zinc-50 px-2 text-right font-mono text-[11px] leading-6 text-zinc-400 tabular-nums dark:bg-zinc-900 dark:text-zinc-500"
        style={{ width: GUTTER }}
      >
        {r + 1}
      </div>
      {row.map((value, c) => {
        const isMasked = set.masked.has(r * columnCount + c);
        const isSelected = selected?.row === r && selected.column === c;
        return (
          <div
            key={c}
            role="gridcell"
            aria-selected={isSelected}
            data-masked={isMasked || undefined}
            data-null={value === null || undefined}
            title={isMasked ? 'Masked by Porthole' : undefined}
            onMouseDown={() => onSelect({ row: r, column: c })}
            className={`shrink-0 truncate border-r border-zinc-100 px-2 font-mono text-xs leading-6 dark:border-zinc-800/70 ${isNumeric[c] ? 'text-right tabular-nums' : ''} ${
              isSelected
                ? 'bg-indigo-100 outline outline-1 -outline-offset-1 outline-indigo-500 dark:bg-indigo-950'
                : isMasked
                  ? 'bg-amber-50 text-amber-800 dark:bg-amber-950/40 dark:text-amber-300'
                  : ''
            }`}
            style={{ width: widths[c] }}
          >
            {value === null ? <span className="text-zinc-400 italic dark:text-zinc-500">NULL</span> : value}
          </div>
        );
      })}
    </div>
  );
}

/** The column names, ƒ for computed columns, types, and the edges that resize (drag) or fit (double-click). */
function GridHeader({
  set,
  widths,
  totalWidth,
  startResize,
  fitColumn,
}: {
  set: ResultSet;
  widths: number[];
  totalWidth: number;
  startResize: (column: number, event: PointerEvent<HTMLSpanElement>) => void;
  fitColumn: (column: number) => void;
}) {
  return (
    <div
      role="row"
      aria-rowindex={1}
      className="sticky top-0 z-10 flex border-b border-zinc-200 bg-zinc-100 text-xs font-medium dark:border-zinc-700 dark:bg-zinc-900"
      style={{ width: totalWidth, height: 28 }}
    >
      <div className="sticky left-0 z-10 shrink-0 bg-zinc-100 dark:bg-zinc-900" style={{ width: GUTTER }} />
      {set.columns.map((column, c) => (
        <div
          key={c}
          role="columnheader"
          data-computed={column.isComputed ? 'true' : undefined}
          data-masked-input={column.hasMaskedInput ? 'true' : undefined}
          className="relative flex shrink-0 items-baseline gap-1.5 border-r border-zinc-200 px-2 leading-7 dark:border-zinc-700"
          style={{ width: widths[c] }}
          title={`${column.name} (${column.type})${column.hasMaskedInput ? `\n${MASKED_INPUT_NOTE}` : column.isComputed ? `\n${COMPUTED_NOTE}` : ''}`}
        >
          <span className="truncate text-zinc-900 dark:text-zinc-100">{column.name}</span>
          {column.isComputed ? (
            <span
              aria-label={column.hasMaskedInput ? MASKED_INPUT_NOTE : COMPUTED_NOTE}
              className="shrink-0 text-[10px] font-normal text-amber-700 dark:text-amber-400"
            >
              ƒ
            </span>
          ) : null}
          <span className="truncate text-[10px] font-normal text-zinc-600 dark:text-zinc-400">{column.type}</span>
          <span
            role="separator"
            aria-orientation="vertical"
            aria-label={`Resize ${column.name}`}
            onPointerDown={(event) => startResize(c, event)}
            onDoubleClick={() => fitColumn(c)}
            title="Drag to resize, double-click to fit"
            className="absolute top-0 -right-1 z-10 h-full w-2 cursor-col-resize hover:bg-indigo-400/40"
          />
        </div>
      ))}
    </div>
  );
}

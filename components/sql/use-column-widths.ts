import { useCallback, useEffect, useRef, useState, type PointerEvent, type RefObject } from 'react';
import { columnWidth, columnWidths, estimatedMeasure, MIN_COLUMN_WIDTH, SAMPLE_ROWS, type TextMeasure } from './column-widths';
import type { ResultSet } from './console-model';

/** A double-click fits a column to all its loaded values, up to this. */
const FIT_MAX_WIDTH = 1200;

/** Text widths from the fonts the grid really draws with, read off probe elements inside it. */
function canvasMeasure(grid: HTMLElement): TextMeasure {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return estimatedMeasure;
  const fontOf = (className: string) => {
    const probe = document.createElement('span');
    probe.className = className;
    grid.append(probe);
    const style = getComputedStyle(probe);
    const font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    probe.remove();
    return font;
  };
  const fonts = { cell: fontOf('font-mono text-xs'), name: fontOf('text-xs font-medium'), type: fontOf('text-[10px] font-normal') };
  const width = (text: string, font: string) => {
    context.font = font;
    return context.measureText(text).width;
  };
  // Name, ƒ mark and type with the header's 6 px gaps between them.
  return {
    header: (column) => width(column.name, fonts.name) + 6 + (column.isComputed ? width('ƒ', fonts.type) + 6 : 0) + width(column.type, fonts.type),
    cell: (text) => width(text, fonts.cell),
  };
}

/**
 * The grid's column widths: sized from a sample of their text (again as the first pages arrive:
 * the columns come before any row), dragged by their edge, fitted to all loaded values on a
 * double-click. `onNewResult` runs when a new result (or its columns) arrives.
 */
export function useColumnWidths(set: ResultSet, gridRef: RefObject<HTMLDivElement | null>, onNewResult: () => void) {
  const [widths, setWidths] = useState<number[]>(() => columnWidths(set, estimatedMeasure));
  const columnCount = set.columns.length;
  const rowCount = set.rows.length;
  const onNewResultRef = useRef(onNewResult);
  onNewResultRef.current = onNewResult;
  const measureRef = useRef<TextMeasure>(undefined);
  /** Which result the widths are for, how many rows they were sampled from, and what the engineer sized by hand. */
  const layout = useRef<{ set: ResultSet; columnCount: number; sampled: number; sizedByHand: Set<number> }>(undefined);

  const measure = useCallback(() => {
    if (!measureRef.current && gridRef.current) measureRef.current = canvasMeasure(gridRef.current);
    return measureRef.current ?? estimatedMeasure;
  }, [gridRef]);

  // A new result (or its columns arriving) resets the layout; pages arriving size the columns
  // again until the sample is full, keeping what was sized by hand.
  useEffect(() => {
    const isNew = layout.current?.set !== set || layout.current.columnCount !== columnCount;
    if (isNew) {
      layout.current = { set, columnCount, sampled: -1, sizedByHand: new Set() };
      onNewResultRef.current();
    }
    const current = layout.current!;
    const sampled = Math.min(rowCount, SAMPLE_ROWS);
    if (current.sampled >= sampled) return;
    current.sampled = sampled;
    const auto = columnWidths(set, measure());
    setWidths((previous) => auto.map((width, c) => (current.sizedByHand.has(c) ? (previous[c] ?? width) : width)));
  }, [set, columnCount, rowCount, measure]);

  const startResize = (column: number, event: PointerEvent<HTMLSpanElement>) => {
    event.preventDefault();
    event.stopPropagation();
    const startX = event.clientX;
    const startWidth = widths[column] ?? 100;
    layout.current?.sizedByHand.add(column);
    const move = (e: globalThis.PointerEvent) =>
      setWidths((prev) => prev.map((w, i) => (i === column ? Math.max(MIN_COLUMN_WIDTH, startWidth + e.clientX - startX) : w)));
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  /** Double-click on a column's edge: as wide as its widest loaded value, however wide. */
  const fitColumn = (column: number) => {
    const info = set.columns[column];
    if (!info) return;
    layout.current?.sizedByHand.add(column);
    const width = columnWidth(
      info,
      set.rows.map((row) => row[column] ?? null),
      measure(),
      FIT_MAX_WIDTH,
    );
    setWidths((prev) => prev.map((w, i) => (i === column ? width : w)));
  };

  return { widths, startResize, fitColumn };
}

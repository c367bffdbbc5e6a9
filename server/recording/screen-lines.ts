import type { IBuffer } from '@xterm/headless';

/** A line as the program printed it: a row and the rows wrapped onto it. */
export type LogicalLine = { startY: number; endY: number; text: string };

/** The row at `y` and the rows wrapped onto or from it, joined. */
export function logicalLineAt(buffer: IBuffer, y: number): LogicalLine {
  let startY = y;
  while (startY > 0 && buffer.getLine(startY)?.isWrapped) startY--;
  let endY = y;
  while (buffer.getLine(endY + 1)?.isWrapped) endY++;
  let text = '';
  for (let row = startY; row <= endY; row++) text += buffer.getLine(row)?.translateToString(row === endY) ?? '';
  return { startY, endY, text };
}

/** Characters of the logical line before cell (x, y). */
export function offsetIn(buffer: IBuffer, line: LogicalLine, y: number, x: number): number {
  let offset = 0;
  for (let row = line.startY; row < y; row++) offset += buffer.getLine(row)?.translateToString(false).length ?? 0;
  return offset + (buffer.getLine(y)?.translateToString(false, 0, x).length ?? 0);
}

/** The logical lines from row `fromY` to row `toY` (inclusive), at most `max` of the last. */
export function linesBetween(buffer: IBuffer, fromY: number, toY: number, max = Number.POSITIVE_INFINITY): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let y = Math.max(0, fromY, toY - max * 4);
  while (y <= toY) {
    const line = logicalLineAt(buffer, y);
    lines.push(line);
    y = line.endY + 1;
  }
  return lines.slice(-max);
}

/** The text of a logical line before cell (x, y) on it: a prompt, when the cursor waits there. */
export function textBefore(buffer: IBuffer, y: number, x: number): string {
  const line = logicalLineAt(buffer, y);
  const offset = offsetIn(buffer, line, y, x);
  return line.text.padEnd(offset).slice(0, offset);
}

import type { IBuffer, IBufferCell, Terminal } from '@xterm/headless';
import { paintSequence, type ScreenMask, type ScreenMaskCell } from '@/lib/recording/screen-mask';
import type { SecretFinder } from './screen-secrets';

/** Where output bytes come from: event `index` of chunk `seq`, at time `t`. */
export type OutputPosition = { seq: number; index: number; t: number };

type Pending = OutputPosition & { data: Buffer; /** Offset in the event of data[0]. */ base: number; at: number };

/** Plain lines written to xterm at once, at most. */
const MAX_BATCH = 64 * 1024;

/** The end of the piece that starts at `from`: after its line feed, or the end of the data. */
function pieceEnd(data: Buffer, from: number): number {
  const lineFeed = data.indexOf(0x0a, from);
  return lineFeed < 0 ? data.length : lineFeed + 1;
}

/** Lines shorter than this hold no secret any rule looks for. */
const MIN_LINE = 8;

/** xterm's per-parse record of the rows it changed (internal; absent → every row is checked). */
type DirtyRows = { start: number; end: number };
function dirtyRowsOf(terminal: Terminal): DirtyRows | undefined {
  const core = (terminal as unknown as { _core?: { _inputHandler?: { _dirtyRowTracker?: DirtyRows } } })._core;
  const tracker = core?._inputHandler?._dirtyRowTracker;
  return tracker && typeof tracker.start === 'number' && typeof tracker.end === 'number' ? tracker : undefined;
}

export function hasDirtyRowTracker(terminal: Terminal): boolean {
  return dirtyRowsOf(terminal) !== undefined;
}

/**
 * xterm's synchronous parse (internal, what its own tests use): the indexer has no renderer to
 * yield to, and waiting for the asynchronous one at every line the command tracker reads cost
 * more wall time than the parsing. Absent (another xterm version): undefined, and writes wait.
 */
type SyncWrite = (data: Uint8Array) => void;
function syncWriteOf(terminal: Terminal): SyncWrite | undefined {
  const core = (terminal as unknown as { _core?: { _writeBuffer?: { writeSync?: (data: Uint8Array) => void } } })._core;
  const buffer = core?._writeBuffer;
  return typeof buffer?.writeSync === 'function' ? (data) => buffer.writeSync!(data) : undefined;
}

/**
 * Writes output to a headless terminal a line at a time and, after each piece, looks for
 * secrets on the rows it changed: the screen can show a secret the byte stream never held whole
 * (`\e[9G<tail>\e[1G<head>`, `\r` overwrites). Each one found is painted over on this terminal
 * at once (so keyframes and the command index never hold it) and recorded as a ScreenMask for
 * every other reader of the recording.
 *
 * Kept cheap: plain text printed on a fresh line (what `cat` of a log or coloured `ls` does) is
 * exactly what the byte stream held, which the streaming masker already saw, so it is not
 * checked again; other pieces check only the rows they printed on, unless they move the cursor.
 */
export class ScreenWatch {
  readonly masks: ScreenMask[] = [];
  private readonly pending: Pending[] = [];
  private head = 0;
  private isWriting = false;
  /** When the output xterm is parsing now was printed (the last written, without a finder). */
  parsingT = 0;
  private waiters: (() => void)[] = [];
  private scrolls = 0;
  /** The cursor's row holds exactly the bytes printed there since it was blank. */
  private isRowPlain = true;
  private readonly dirty: DirtyRows | undefined;
  private readonly cell: IBufferCell;
  private readonly syncWrite: SyncWrite | undefined;
  /** pump() is on the stack: a nested call (a synchronous write's callback) loops instead of recursing. */
  private isPumping = false;
  private isPumpAgain = false;

  constructor(
    private readonly terminal: Terminal,
    private readonly findSecrets: SecretFinder | null,
  ) {
    terminal.onScroll(() => this.scrolls++);
    this.dirty = dirtyRowsOf(terminal);
    this.cell = terminal.buffer.active.getNullCell();
    this.syncWrite = syncWriteOf(terminal);
  }

  /** Parses `data`, then calls `done`: at once when xterm can parse synchronously. */
  private parse(data: Uint8Array, done?: () => void): void {
    if (!this.syncWrite) return this.terminal.write(data, done);
    this.syncWrite(data);
    done?.();
  }

  /** Queues output bytes that start at byte `base` of their event. */
  write(data: Buffer, position: OutputPosition, base = 0): void {
    if (data.length === 0) return;
    if (!this.findSecrets) {
      this.parsingT = position.t;
      this.parse(data);
      return;
    }
    this.pending.push({ ...position, data, base, at: 0 });
    if (!this.isWriting) this.pump();
  }

  /** The screen changed in a way this does not follow (a resize): check the next piece. */
  invalidate(): void {
    this.isRowPlain = false;
  }

  /** Resolves once everything written so far is parsed (and checked). */
  idle(): Promise<void> {
    if (!this.findSecrets) return this.syncWrite ? Promise.resolve() : new Promise((resolve) => this.terminal.write('', resolve));
    if (!this.isWriting) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private pump(): void {
    if (this.isPumping) {
      this.isPumpAgain = true;
      return;
    }
    this.isPumping = true;
    try {
      do {
        this.isPumpAgain = false;
        this.pumpOne();
      } while (this.isPumpAgain);
    } finally {
      this.isPumping = false;
    }
  }

  /** Hands xterm one piece (up to and including a line feed) at a time: checks go between. */
  private pumpOne(): void {
    const item = this.pending[this.head];
    if (!item) {
      this.pending.length = 0;
      this.head = 0;
      this.isWriting = false;
      const waiters = this.waiters;
      this.waiters = [];
      for (const resolve of waiters) resolve();
      return;
    }
    this.isWriting = true;
    const data = item.data;
    let end = pieceEnd(data, item.at);
    const kind = classifyPiece(data.subarray(item.at, end));
    let lines = 1;
    // At the bottom of a fresh screen, plain lines scroll in one after another onto fresh rows:
    // they go to xterm together (a write per line costs more than the parsing).
    if (kind === PieceKind.Plain && this.isRowPlain && this.terminal.buffer.active.cursorY === this.terminal.rows - 1) {
      while (end < data.length && end - item.at < MAX_BATCH) {
        const next = pieceEnd(data, end);
        if (classifyPiece(data.subarray(end, next)) !== PieceKind.Plain) break;
        end = next;
        lines++;
      }
    }
    const piece = data.subarray(item.at, end);
    item.at = end;
    if (end >= data.length) this.head++;
    const scrollsBefore = this.scrolls;
    const rowBefore = this.terminal.buffer.active.cursorY;
    this.parsingT = item.t;
    this.parse(piece, () => {
      const scrolled = this.scrolls - scrollsBefore;
      // Lines that did not each scroll (a line feed below the scroll region) overwrote a row.
      this.afterPiece(piece, lines > 1 && scrolled < lines ? PieceKind.SameRows : kind, item, item.base + end, scrolled, rowBefore);
    });
  }

  private afterPiece(piece: Buffer, kind: PieceKind, position: OutputPosition, offset: number, scrolled: number, rowBefore: number): void {
    const buffer = this.terminal.buffer.active;
    const endsLine = piece[piece.length - 1] === 0x0a;
    // Text that wrapped (or a line feed that moved) onto a row below may have joined what that
    // row held: only a cursor that stayed on its row (the bottom one, scrolling) printed on
    // fresh rows alone.
    if (kind !== PieceKind.Plain || !this.isRowPlain || buffer.cursorY > rowBefore) {
      // Rows the piece printed on: from where it started (moved up by scrolling) to where it
      // ended (before its line feed); anywhere, for a piece that moves the cursor freely.
      const rows: [number, number] | undefined = kind === PieceKind.AnyRow ? undefined : [rowBefore - scrolled, buffer.cursorY - (endsLine ? 1 : 0)];
      const mask = this.check(position, offset, scrolled, rows);
      if (mask) {
        this.masks.push(mask);
        this.isRowPlain = false;
        this.parse(Buffer.from(paintSequence(mask)), () => this.pump());
        return;
      }
    }
    this.isRowPlain = endsLine ? scrolled > 0 && buffer.cursorY === this.terminal.rows - 1 : kind === PieceKind.Plain && this.isRowPlain;
    this.pump();
  }

  /** Looks at the rows the last piece changed (and the lines they wrap into). */
  private check(position: OutputPosition, offset: number, scrolled: number, printed: [number, number] | undefined): ScreenMask | undefined {
    const buffer = this.terminal.buffer.active;
    const rows = this.terminal.rows;
    const [from, to] = printed ?? (this.dirty ? [this.dirty.start - scrolled, this.dirty.end] : [0, rows - 1]);
    const first = Math.max(0, Math.min(from, to));
    const last = Math.min(rows - 1, Math.max(from, to));
    const cells: ScreenMaskCell[] = [];
    let y = first;
    while (y <= last) {
      let startY = buffer.baseY + y;
      while (startY > buffer.baseY && buffer.getLine(startY)?.isWrapped) startY--;
      let endY = buffer.baseY + y;
      while (endY - buffer.baseY < rows - 1 && buffer.getLine(endY + 1)?.isWrapped) endY++;
      y = endY - buffer.baseY + 1;
      let text = '';
      for (let row = startY; row <= endY; row++) text += buffer.getLine(row)?.translateToString(row === endY) ?? '';
      if (text.length < MIN_LINE) continue;
      const spans = this.findSecrets!(text);
      if (spans.length > 0) cells.push(...this.cellsOf(buffer, startY, endY, spans));
    }
    if (cells.length === 0) return undefined;
    const x = buffer.cursorX;
    const lastCell =
      x >= this.terminal.cols
        ? buffer
            .getLine(buffer.baseY + buffer.cursorY)
            ?.getCell(this.terminal.cols - 1)
            ?.getChars() || ' '
        : undefined;
    return {
      t: position.t,
      seq: position.seq,
      index: position.index,
      offset,
      cursor: [buffer.cursorY, x],
      ...(lastCell !== undefined ? { lastCell } : {}),
      ...(this.terminal.modes.insertMode ? { isInsertMode: true } : {}),
      ...(this.terminal.modes.originMode ? { isOriginMode: true } : {}),
      cells,
    };
  }

  /** Screen cells of byte spans of a logical line's text, one range per row it crosses. */
  private cellsOf(buffer: IBuffer, startY: number, endY: number, spans: { start: number; end: number; rule: string }[]): ScreenMaskCell[] {
    const places: { row: number; col: number }[] = [];
    for (let y = startY; y <= endY; y++) {
      const line = buffer.getLine(y);
      if (!line) continue;
      for (let col = 0; col < line.length; col++) {
        const cell = line.getCell(col, this.cell);
        if (!cell || cell.getWidth() === 0) continue;
        const bytes = Buffer.byteLength(cell.getChars() || ' ');
        for (let i = 0; i < bytes; i++) places.push({ row: y - buffer.baseY, col });
      }
    }
    const cells: ScreenMaskCell[] = [];
    for (const span of spans) {
      for (let i = span.start; i < Math.min(span.end, places.length); i++) {
        const { row, col } = places[i]!;
        const width = Math.max(
          1,
          buffer
            .getLine(row + buffer.baseY)
            ?.getCell(col, this.cell)
            ?.getWidth() ?? 1,
        );
        const open = cells[cells.length - 1];
        if (open && open.row === row && open.rule === span.rule && col <= open.endCol && col >= open.startCol) open.endCol = Math.max(open.endCol, col + width);
        else cells.push({ row, startCol: col, endCol: col + width, rule: span.rule });
      }
    }
    return cells;
  }
}

/** What a piece of output can do to the screen, from least to most to check. */
export const enum PieceKind {
  /** Prints what it holds, in order (text, tabs, colours, erase to the end of the line, titles). */
  Plain,
  /** Can rearrange text on the rows it prints on (CR, backspace, horizontal moves, inserts). */
  SameRows,
  /** Can move the cursor up or anywhere (or switch screens): any row may change. */
  AnyRow,
}

/** CSI finals that move the cursor vertically or to an absolute place, or scroll it. */
const VERTICAL_CSI = new Set([...'ABEFHfderu'].map((c) => c.charCodeAt(0)));
/** ESC finals that do: reverse index, index, next line, restore cursor, reset. */
const VERTICAL_ESC = new Set([...'MDE8c'].map((c) => c.charCodeAt(0)));

/**
 * One pass over a piece: Plain means the screen shows exactly the text these bytes print (which
 * the streaming masker saw, escape sequences removed), so a fresh row needs no check.
 */
export function classifyPiece(piece: Buffer): PieceKind {
  const n = piece.length;
  let kind = PieceKind.Plain;
  for (let i = 0; i < n; i++) {
    const byte = piece[i]!;
    if (byte >= 0x20 && byte !== 0xc2) continue;
    if (byte === 0xc2) {
      // A C1 control (U+0080–U+009F) is a control to xterm.
      if (i + 1 < n && piece[i + 1]! >= 0x80 && piece[i + 1]! <= 0x9f) return PieceKind.AnyRow;
      continue;
    }
    if (byte === 0x09 || (byte === 0x0a && i === n - 1) || (byte === 0x0d && i === n - 2 && piece[n - 1] === 0x0a)) continue;
    if (byte !== 0x1b) {
      kind = PieceKind.SameRows;
      continue;
    }
    const next = piece[i + 1];
    if (next === 0x5b) {
      let j = i + 2;
      let isPrivate = false;
      while (j < n && piece[j]! >= 0x20 && piece[j]! <= 0x3f) {
        if (piece[j]! >= 0x3c) isPrivate = true;
        j++;
      }
      const final = piece[j];
      if (final === undefined || VERTICAL_CSI.has(final) || (isPrivate && (final === 0x68 || final === 0x6c))) return PieceKind.AnyRow;
      if (final !== 0x6d && final !== 0x4b) kind = PieceKind.SameRows;
      i = j;
    } else if (next === 0x5d) {
      // OSC (title, hyperlink, shell marks): to BEL or ST, prints nothing.
      let j = i + 2;
      while (j < n && piece[j] !== 0x07 && !(piece[j] === 0x1b && piece[j + 1] === 0x5c)) j++;
      if (j >= n) return PieceKind.AnyRow;
      i = piece[j] === 0x07 ? j : j + 1;
    } else {
      if (next === undefined || VERTICAL_ESC.has(next)) return PieceKind.AnyRow;
      kind = PieceKind.SameRows;
      i++;
    }
  }
  return kind;
}

import { SerializeAddon } from '@xterm/addon-serialize';
import { Terminal } from '@xterm/headless';

/** Scrollback a watcher gets with the current screen. */
export const LIVE_SCROLLBACK = 200;
/** Output waiting to be parsed past which the screen stops following and catches up later. */
export const MAX_UNPARSED_BYTES = 4 * 1024 * 1024;
/** While it has fallen behind, the screen keeps this much of the newest output to redraw from. */
export const CATCH_UP_TAIL_BYTES = 256 * 1024;

export type ScreenSnapshot = { cols: number; rows: number; data: string };

/**
 * The watched terminal's screen, mirrored from the masked output stream into a headless
 * terminal, so a watcher who joins late first sees what the engineer sees. Parsing runs on
 * xterm's own schedule and never holds up the session: when output comes faster than it is
 * parsed, the screen skips ahead and is redrawn from the newest output once parsing is idle.
 */
export class LiveScreen {
  private readonly terminal: Terminal;
  private readonly serializer = new SerializeAddon();
  private unparsed = 0;
  private tail: Buffer[] | undefined;
  private tailBytes = 0;
  private isDisposed = false;

  constructor(size: { cols: number; rows: number }) {
    this.terminal = new Terminal({ cols: size.cols, rows: size.rows, scrollback: LIVE_SCROLLBACK, allowProposedApi: true });
    this.terminal.loadAddon(this.serializer);
  }

  get cols(): number {
    return this.terminal.cols;
  }

  get rows(): number {
    return this.terminal.rows;
  }

  write(chunk: Buffer): void {
    if (this.isDisposed || chunk.length === 0) return;
    if (this.tail || this.unparsed > MAX_UNPARSED_BYTES) return this.keepTail(chunk);
    this.unparsed += chunk.length;
    // A copy: the caller's buffer may be reused once write returns.
    this.terminal.write(Uint8Array.from(chunk), () => (this.unparsed -= chunk.length));
  }

  /** In order with the output: bytes written before the resize are parsed at the old size. */
  resize(cols: number, rows: number): void {
    if (this.isDisposed) return;
    this.terminal.write('', () => !this.isDisposed && this.terminal.resize(cols, rows));
  }

  /** The screen after everything written so far, at the size it has then. */
  snapshot(): Promise<ScreenSnapshot> {
    return new Promise((resolve, reject) => {
      if (this.isDisposed) return reject(new Error('the screen is closed'));
      // Called right after the bytes before it are parsed, before any written after it.
      this.terminal.write('', () =>
        resolve({ cols: this.terminal.cols, rows: this.terminal.rows, data: this.serializer.serialize({ scrollback: LIVE_SCROLLBACK }) }),
      );
    });
  }

  dispose(): void {
    this.isDisposed = true;
    this.tail = undefined;
    this.terminal.dispose();
  }

  /** Behind: keep only the newest output, and redraw from it once parsing has caught up. */
  private keepTail(chunk: Buffer): void {
    const isFirst = !this.tail;
    this.tail ??= [];
    this.tail.push(Buffer.from(chunk));
    this.tailBytes += chunk.length;
    while (this.tailBytes - (this.tail[0]?.length ?? 0) >= CATCH_UP_TAIL_BYTES) this.tailBytes -= this.tail.shift()?.length ?? 0;
    if (isFirst) this.terminal.write('', () => this.catchUp());
  }

  private catchUp(): void {
    const tail = this.tail;
    this.tail = undefined;
    this.tailBytes = 0;
    if (this.isDisposed || !tail) return;
    this.terminal.reset();
    this.unparsed = 0;
    for (const chunk of tail) this.write(chunk);
  }
}

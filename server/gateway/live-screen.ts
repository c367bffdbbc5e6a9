import { SerializeAddon } from '@xterm/addon-serialize';
import { Terminal } from '@xterm/headless';
import { OutputTail } from './output-tail';

/** Scrollback a watcher gets with the current screen. */
export const LIVE_SCROLLBACK = 200;
/** Output waiting to be parsed past which the screen stops following and catches up later. */
export const MAX_UNPARSED_BYTES = 4 * 1024 * 1024;
/** While it has fallen behind, the screen keeps this much of the newest output to redraw from. */
export const CATCH_UP_TAIL_BYTES = 256 * 1024;

/** The screen, and how far into the output it shows: `at` bytes of everything written. */
export type ScreenSnapshot = { cols: number; rows: number; data: string; at: number };

/**
 * The watched terminal's screen, mirrored from the masked output stream into a headless
 * terminal, so a watcher who joins late first sees what the engineer sees.
 *
 * Parsing is the costly part (about a third of the gateway's CPU on bulk output), and most
 * sessions are never watched: until the first snapshot is asked for, the screen only keeps the
 * newest output (CATCH_UP_TAIL_BYTES) and builds itself from it then. Once built it follows the
 * output on xterm's own schedule and never holds up the session: when output comes faster than
 * it is parsed, it skips ahead and is redrawn from the newest output once parsing is idle.
 * When the last watcher leaves it goes back to keeping the tail, the screen as it was then at
 * the tail's start, so a session watched once does not pay for parsing until it ends.
 */
export class LiveScreen {
  /** Undefined until someone watches, and again once nobody does. */
  private terminal: Terminal | undefined;
  /** The terminal the last watcher left, until its screen is kept as text (see sleep). */
  private leaving: Terminal | undefined;
  /** The current terminal's (each terminal gets its own). */
  private serializer = new SerializeAddon();
  private size: { cols: number; rows: number };
  private unparsed = 0;
  /** Output not parsed yet: all of it before the first watcher, or what came while parsing fell behind. */
  private readonly tail = new OutputTail(CATCH_UP_TAIL_BYTES);
  private isCatchingUp = false;
  /** How many times the screen was redrawn from the tail: a snapshot spanning one is redone. */
  private catchUps = 0;
  /** Bytes written so far: where in the output a snapshot stands. */
  private writtenBytes = 0;
  private isDisposed = false;

  constructor(size: { cols: number; rows: number }) {
    this.size = { cols: size.cols, rows: size.rows };
  }

  get cols(): number {
    return this.terminal?.cols ?? this.size.cols;
  }

  get rows(): number {
    return this.terminal?.rows ?? this.size.rows;
  }

  /** Whether output is being parsed (someone has watched), or only its tail kept. */
  get isMirroring(): boolean {
    return this.terminal !== undefined;
  }

  /** Output kept unparsed, at most CATCH_UP_TAIL_BYTES. */
  get keptBytes(): number {
    return this.tail.bytes;
  }

  /** Bytes of output written so far, the measure of a snapshot's `at`. */
  get written(): number {
    return this.writtenBytes;
  }

  /** The size the session has now; the screen itself takes it once what came before is parsed. */
  get latestSize(): { cols: number; rows: number } {
    return { ...this.size };
  }

  write(chunk: Buffer): void {
    if (this.isDisposed || chunk.length === 0) return;
    this.writtenBytes += chunk.length;
    if (!this.terminal) return this.tail.push(chunk);
    if (this.isCatchingUp || this.unparsed > MAX_UNPARSED_BYTES) return this.keepTail(this.terminal, chunk);
    this.unparsed += chunk.length;
    // A copy: the caller's buffer may be reused once write returns.
    this.terminal.write(Uint8Array.from(chunk), () => (this.unparsed -= chunk.length));
  }

  /** In order with the output: bytes written before the resize are parsed at the old size. */
  resize(cols: number, rows: number): void {
    if (this.isDisposed) return;
    // The latest size, for a terminal built (again) later.
    this.size = { cols, rows };
    const terminal = this.terminal;
    if (!terminal) return;
    terminal.write('', () => !this.isDisposed && terminal.resize(cols, rows));
  }

  /**
   * The screen after everything written so far (or later: see `at`), at the size it has then.
   * A snapshot asked for while the screen is behind, or overtaken by a redraw before it is taken,
   * would show the terminal just reset, with the newest output still waiting behind it: it is
   * taken again after the redraw, and its `at` moves on with it.
   */
  snapshot(): Promise<ScreenSnapshot> {
    return new Promise((resolve, reject) => {
      if (this.isDisposed) return reject(new Error('the screen is closed'));
      const terminal = this.terminal ?? this.build();
      const take = () => {
        const at = this.writtenBytes;
        const catchUps = this.catchUps;
        // Called right after the bytes before it are parsed, before any written after it.
        terminal.write('', () => {
          if (this.isDisposed) return reject(new Error('the screen is closed'));
          if (this.catchUps !== catchUps) return take();
          resolve({ cols: terminal.cols, rows: terminal.rows, data: this.serializer.serialize({ scrollback: LIVE_SCROLLBACK }), at });
        });
      };
      take();
    });
  }

  dispose(): void {
    this.isDisposed = true;
    this.tail.take();
    this.terminal?.dispose();
    this.leaving?.dispose();
  }

  /**
   * Nobody watches any more: output is kept, not parsed, from now on. Once what came before is
   * parsed, the screen (with its scrollback) is serialized to the head of the kept output, and the
   * next watcher's screen is drawn from both, as the first watcher's was.
   */
  sleep(): void {
    const terminal = this.terminal;
    if (!terminal || this.isDisposed) return;
    this.terminal = undefined;
    this.unparsed = 0;
    if (this.isCatchingUp) {
      // Behind already: the kept tail is newer than the screen, and is what a redraw would use.
      this.isCatchingUp = false;
      return terminal.dispose();
    }
    this.leaving = terminal;
    terminal.write('', () => {
      if (this.leaving !== terminal) return; // a watcher came back first: it took the terminal again
      this.leaving = undefined;
      const later = this.tail.take();
      if (!this.isDisposed) {
        this.tail.push(Buffer.from(this.serializer.serialize({ scrollback: LIVE_SCROLLBACK }), 'utf8'));
        this.tail.push(later);
      }
      terminal.dispose();
    });
  }

  /** A watcher: a terminal at the current size (or the one the last watcher left, still current), fed the output kept so far. */
  private build(): Terminal {
    const left = this.leaving;
    this.leaving = undefined;
    const terminal = left ?? new Terminal({ cols: this.size.cols, rows: this.size.rows, scrollback: LIVE_SCROLLBACK, allowProposedApi: true });
    if (!left) {
      this.serializer = new SerializeAddon();
      terminal.loadAddon(this.serializer);
    }
    this.terminal = terminal;
    const kept = this.tail.take();
    this.unparsed = kept.length;
    terminal.write(kept, () => (this.unparsed -= kept.length));
    // The terminal taken back may have missed a resize while nobody watched: applied after what
    // was kept (where in it is not known).
    const { cols, rows } = this.size;
    if (cols !== terminal.cols || rows !== terminal.rows) terminal.write('', () => !this.isDisposed && terminal.resize(cols, rows));
    return terminal;
  }

  /** Behind: keep only the newest output, and redraw from it once parsing has caught up. */
  private keepTail(terminal: Terminal, chunk: Buffer): void {
    this.tail.push(chunk);
    if (this.isCatchingUp) return;
    this.isCatchingUp = true;
    terminal.write('', () => this.catchUp(terminal));
  }

  private catchUp(terminal: Terminal): void {
    this.isCatchingUp = false;
    this.catchUps += 1;
    const kept = this.tail.take();
    if (this.isDisposed) return;
    terminal.reset();
    this.unparsed = 0;
    this.write(kept);
  }
}

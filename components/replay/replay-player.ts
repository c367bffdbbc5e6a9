import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import type { ReplayEvent } from '@/lib/recording/replay-types';
import { TERMINAL_THEME } from '../terminal/terminal-theme';
import { FULL_FONT_SIZE, firstVisibleOutputTime, fitFontSize } from './replay-fit';
import { ReplayStream, WINDOW_SECONDS } from './replay-stream';

/** Recorded pauses longer than this are shortened to it when idle skipping is on. */
export const IDLE_CAP_SECONDS = 2;
/** Keep this much recording time buffered ahead of the playhead. */
const PREFETCH_SECONDS = 15;
/** The keyframes carry this much scrollback; the replay terminal keeps more. */
const SCROLLBACK = 5000;
const FONT_FAMILY = "'DejaVu Sans Mono', 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace";

export type PlayerStatus = 'loading' | 'seeking' | 'playing' | 'paused' | 'buffering' | 'ended' | 'error';

export type PlayerState = {
  status: PlayerStatus;
  time: number;
  speed: number;
  isSkippingIdle: boolean;
  error: string | null;
  /** Milliseconds from the last seek's start to its screen being rendered. */
  lastSeekMs: number | null;
};

export type ReplayPlayerOptions = {
  recordingId: string;
  duration: number;
  cols: number;
  rows: number;
  onChange: (state: PlayerState) => void;
  stream?: ReplayStream;
};

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Applies a recording's events to an xterm: seeks load a keyframe and replay the short tail
 * after it; playback runs on animation frames against a clock scaled by the speed, with
 * events fetched ahead in windows. No React here: the component subscribes with onChange.
 */
export class ReplayPlayer {
  readonly terminal: Terminal;
  private readonly stream: ReplayStream;
  private state: PlayerState = { status: 'loading', time: 0, speed: 1, isSkippingIdle: true, error: null, lastSeekMs: null };
  private queue: ReplayEvent[] = [];
  private queueIndex = 0;
  /** Events are complete up to this time. */
  private bufferedTo = 0;
  private isFetching = false;
  private lastEventT = 0;
  private frame = 0;
  private lastFrameAt = 0;
  private lastEmitAt = 0;
  private seekCount = 0;
  private isDisposed = false;
  /** The room the last fit was for, and the smallest font size seen not to fit in it. */
  private fitRoom = { width: 0, height: 0 };
  private tooBigFont = Infinity;

  constructor(
    container: HTMLElement,
    private readonly options: ReplayPlayerOptions,
  ) {
    this.stream = options.stream ?? new ReplayStream(options.recordingId);
    this.terminal = new Terminal({
      cols: options.cols,
      rows: options.rows,
      disableStdin: true,
      cursorBlink: false,
      scrollback: SCROLLBACK,
      fontFamily: FONT_FAMILY,
      fontSize: FULL_FONT_SIZE,
      lineHeight: 1.15,
      theme: TERMINAL_THEME,
      allowProposedApi: true,
    });
    this.terminal.open(container);
  }

  get current(): PlayerState {
    return this.state;
  }

  play(): void {
    if (this.state.status === 'playing' || this.state.status === 'seeking' || this.state.status === 'loading') return;
    if (this.state.time >= this.options.duration - 1e-3) {
      void this.seek(0, { andPlay: true });
      return;
    }
    this.update({ status: 'playing' });
    this.startLoop();
  }

  pause(): void {
    if (this.state.status !== 'playing' && this.state.status !== 'buffering') return;
    this.stopLoop();
    this.update({ status: 'paused' });
  }

  toggle(): void {
    if (this.state.status === 'playing' || this.state.status === 'buffering') this.pause();
    else this.play();
  }

  setSpeed(speed: number): void {
    this.update({ speed: Math.min(16, Math.max(0.25, speed)) });
  }

  setSkippingIdle(isSkippingIdle: boolean): void {
    this.update({ isSkippingIdle });
  }

  /** Shows the screen at `t`; keeps playing if it was. Later seeks win over earlier ones. */
  async seek(t: number, { andPlay }: { andPlay?: boolean } = {}): Promise<void> {
    const target = Math.min(Math.max(0, t), this.options.duration);
    const wasPlaying = andPlay ?? (this.state.status === 'playing' || this.state.status === 'buffering');
    const seekId = ++this.seekCount;
    const startedAt = performance.now();
    this.stopLoop();
    this.update({ status: this.state.status === 'loading' ? 'loading' : 'seeking', time: target }, true);
    let result;
    try {
      result = await this.stream.seek(target);
    } catch (error) {
      if (seekId === this.seekCount) this.update({ status: 'error', error: error instanceof Error ? error.message : String(error) }, true);
      return;
    }
    if (!result || seekId !== this.seekCount || this.isDisposed) return;

    this.terminal.reset();
    const size = result.keyframe ?? { cols: this.options.cols, rows: this.options.rows };
    this.terminal.resize(size.cols, size.rows);
    if (result.keyframe) this.terminal.write(result.keyframe.data);
    const split = result.events.findIndex(([time]) => time > target);
    const tail = split < 0 ? result.events : result.events.slice(0, split);
    this.queue = split < 0 ? [] : result.events.slice(split);
    this.queueIndex = 0;
    this.bufferedTo = result.nextFrom ?? result.to;
    this.lastEventT = tail.length > 0 ? tail[tail.length - 1]![0] : (result.keyframe?.t ?? 0);
    this.writeEvents(tail);
    await new Promise<void>((resolve) => this.terminal.write('', resolve));
    await nextFrame();
    if (seekId !== this.seekCount || this.isDisposed) return;
    this.update(
      {
        status: wasPlaying ? 'playing' : target >= this.options.duration ? 'ended' : 'paused',
        time: target,
        error: null,
        lastSeekMs: performance.now() - startedAt,
      },
      true,
    );
    if (wasPlaying) this.startLoop();
  }

  /**
   * The first screen worth looking at: t = 0 is usually black (the shell has not printed its
   * prompt yet), so when it is, the player waits at the first output that shows something.
   */
  async showStart(): Promise<void> {
    await this.seek(0);
    if (this.isDisposed || this.state.status !== 'paused' || this.state.time !== 0 || !this.isScreenBlank()) return;
    const t = firstVisibleOutputTime(this.queue.slice(this.queueIndex));
    if (t !== null) await this.seek(t);
  }

  /**
   * Sizes the font so the whole terminal (its recorded cols × rows) fits in `room`, so a wide
   * recording is scaled down rather than pushing the controls below the fold (and, full screen,
   * up to `largest`). The font, not a CSS transform, so mouse selection still lands on the right cells.
   */
  fitTo(room: { width: number; height: number }, largest = FULL_FONT_SIZE): void {
    const screen = this.terminal.element?.querySelector<HTMLElement>('.xterm-screen');
    if (this.isDisposed || !screen) return;
    if (room.width !== this.fitRoom.width || room.height !== this.fitRoom.height) {
      this.fitRoom = room;
      this.tooBigFont = Infinity;
    }
    const current = this.terminal.options.fontSize ?? FULL_FONT_SIZE;
    const measured = { width: screen.offsetWidth, height: screen.offsetHeight };
    if (measured.width > room.width + 0.5 || measured.height > room.height + 0.5) this.tooBigFont = Math.min(this.tooBigFont, current);
    const next = fitFontSize({ current, screen: measured, room, tooBig: this.tooBigFont, largest });
    if (next !== current) this.terminal.options.fontSize = next;
  }

  private isScreenBlank(): boolean {
    const buffer = this.terminal.buffer.active;
    for (let y = 0; y < buffer.length; y++) if (buffer.getLine(y)?.translateToString(true).trim()) return false;
    return true;
  }

  /** Text of the selection, for the copy button (the terminal also copies on Ctrl+C). */
  selection(): string {
    return this.terminal.getSelection();
  }

  dispose(): void {
    this.isDisposed = true;
    this.stopLoop();
    this.stream.dispose();
    this.terminal.dispose();
  }

  private startLoop(): void {
    cancelAnimationFrame(this.frame);
    this.lastFrameAt = performance.now();
    this.frame = requestAnimationFrame((now) => this.tick(now));
  }

  private stopLoop(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private tick(now: number): void {
    if (this.state.status !== 'playing' && this.state.status !== 'buffering') return;
    const elapsed = Math.max(0, now - this.lastFrameAt) / 1000;
    this.lastFrameAt = now;
    let target = Math.min(this.options.duration, this.state.time + elapsed * this.state.speed);
    const next = this.queue[this.queueIndex];
    if (this.state.isSkippingIdle && next && next[0] > target && target > this.lastEventT + IDLE_CAP_SECONDS) target = next[0];

    const due: ReplayEvent[] = [];
    while (this.queueIndex < this.queue.length && this.queue[this.queueIndex]![0] <= target) due.push(this.queue[this.queueIndex++]!);
    if (due.length > 0) {
      this.writeEvents(due);
      this.lastEventT = due[due.length - 1]![0];
    }
    if (this.queueIndex > 5000) {
      this.queue = this.queue.slice(this.queueIndex);
      this.queueIndex = 0;
    }

    const isMissing = this.bufferedTo < this.options.duration;
    if (isMissing && this.bufferedTo - target < PREFETCH_SECONDS) this.fetchAhead();
    // Out of fetched events: hold the clock where they end until more arrive.
    const status: PlayerStatus = isMissing && target >= this.bufferedTo ? 'buffering' : 'playing';
    target = isMissing ? Math.min(target, this.bufferedTo) : target;

    if (!isMissing && target >= this.options.duration && this.queueIndex >= this.queue.length) {
      this.update({ status: 'ended', time: this.options.duration }, true);
      return;
    }
    this.update({ status, time: target });
    this.frame = requestAnimationFrame((t) => this.tick(t));
  }

  private fetchAhead(): void {
    if (this.isFetching) return;
    this.isFetching = true;
    const seekId = this.seekCount;
    const from = this.bufferedTo;
    this.stream
      .range(from, from + WINDOW_SECONDS)
      .then((result) => {
        if (!result || seekId !== this.seekCount) return;
        this.queue.push(...result.events);
        this.bufferedTo = result.nextFrom ?? result.to;
      })
      .catch((error: unknown) => this.update({ status: 'error', error: error instanceof Error ? error.message : String(error) }, true))
      .finally(() => (this.isFetching = false));
  }

  /** Output in one write per run; a resize waits until the output before it is parsed. */
  private writeEvents(events: readonly ReplayEvent[]): void {
    let output = '';
    for (const [, kind, data] of events) {
      if (kind === 'o') output += data;
      else if (kind === 'r') {
        const match = /^(\d+)x(\d+)$/.exec(data);
        if (!match) continue;
        if (output) this.terminal.write(output);
        output = '';
        const cols = Number(match[1]);
        const rows = Number(match[2]);
        this.terminal.write('', () => this.terminal.resize(cols, rows));
      }
    }
    if (output) this.terminal.write(output);
  }

  /** Time moves every frame; React hears of it ten times a second (or at once when forced). */
  private update(patch: Partial<PlayerState>, force = false): void {
    const previous = this.state;
    this.state = { ...previous, ...patch };
    force ||= (Object.keys(patch) as (keyof PlayerState)[]).some((key) => key !== 'time' && previous[key] !== this.state[key]);
    const now = performance.now();
    if (!force && now - this.lastEmitAt < 100) return;
    this.lastEmitAt = now;
    this.options.onChange(this.state);
  }
}

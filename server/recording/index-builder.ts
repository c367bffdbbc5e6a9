import { SerializeAddon } from '@xterm/addon-serialize';
import { Terminal } from '@xterm/headless';
import { CommandTracker } from './command-tracker';
import { QUIET_SECONDS, type IndexedCommand } from './command-tracker-model';
import { encodeKeyframe, parseResize, type RecordingEvent } from './format';
import type { ScreenMask } from '@/lib/recording/screen-mask';
import { maskLine, type SecretFinder } from './screen-secrets';
import { ScreenWatch } from './screen-watch';
import { SearchLines, type SearchLine } from './search-lines';

/** A keyframe after this much output since the last one… */
export const KEYFRAME_BYTES = 256 * 1024;
/** …or after this long with some output. A seek replays at most one such tail. */
export const KEYFRAME_SECONDS = 30;
/** Scrollback kept in each keyframe (and in the replay terminal). */
export const KEYFRAME_SCROLLBACK = 500;
export const HEATMAP_BUCKETS = 600;
/** Parse this much output, then let the terminal catch up (bounds its write queue). */
const PARSE_BATCH_BYTES = 1024 * 1024;
/** Shell-integration marks (OSC 133) and a line editor's bracketed-paste switch (CSI ?2004h/l). */
const SHELL_MARKS = [Buffer.from('\x1b]133;'), Buffer.from('\x1b[?2004')];

/**
 * A keyframe as encodeKeyframe stores it. Encoded where the builder runs (the worker, unless
 * none could start), not on the thread that relays sessions; a Uint8Array once it has crossed
 * from the worker (structured clone), so callers make a Buffer of it.
 */
export type IndexedKeyframe = { t: number; bytes: Uint8Array };
export type IndexResult = { commands: IndexedCommand[]; keyframes: IndexedKeyframe[]; heatmap: number[]; screenMasks: ScreenMask[]; searchLines: SearchLine[] };
export type IndexedEvent = RecordingEvent & { chunkSeq: number; index: number };

/**
 * One pass of a headless terminal over a recording's events, in order: the command index,
 * keyframes for seeking, the activity heatmap, and masks for secrets that formed only on the
 * screen (painted over on this terminal too, so keyframes and commands never hold them). No
 * I/O here, so it runs in a worker.
 */
export class IndexBuilder {
  private readonly terminal: Terminal;
  private readonly serializer = new SerializeAddon();
  private readonly tracker: CommandTracker;
  private readonly screen: ScreenWatch;
  private readonly search: SearchLines;
  private readonly keyframes: IndexedKeyframe[] = [];
  private readonly heatmap = new Array<number>(HEATMAP_BUCKETS).fill(0);
  private readonly bucketWidth: number;
  private unparsed = 0;
  private sinceKeyframe = 0;
  private lastKeyframeT = 0;
  private lastOutputT = Number.NEGATIVE_INFINITY;
  private lastT = 0;
  private readonly findSecrets: SecretFinder | null;
  /** Whether seeking needs keyframes: a terminal's replay does, a SQL or HTTP console's does not. */
  private readonly takesKeyframes: boolean;

  constructor({
    cols,
    rows,
    duration,
    findSecrets = null,
    takesKeyframes = true,
  }: {
    cols: number;
    rows: number;
    duration: number;
    findSecrets?: SecretFinder | null;
    takesKeyframes?: boolean;
  }) {
    this.findSecrets = findSecrets;
    this.takesKeyframes = takesKeyframes;
    this.terminal = new Terminal({ cols, rows, scrollback: KEYFRAME_SCROLLBACK, allowProposedApi: true });
    this.terminal.loadAddon(this.serializer);
    this.tracker = new CommandTracker(this.terminal);
    this.screen = new ScreenWatch(this.terminal, findSecrets);
    this.search = new SearchLines(this.terminal, () => this.screen.parsingT, findSecrets);
    this.bucketWidth = Math.max(duration, 1e-6) / HEATMAP_BUCKETS;
  }

  async add(event: IndexedEvent): Promise<void> {
    this.lastT = event.t;
    if (event.kind === 'o') {
      const position = { seq: event.chunkSeq, index: event.index, t: event.t };
      // The screen as it stood through a pause in the output may show a prompt.
      if (event.t - this.lastOutputT >= QUIET_SECONDS) {
        await this.settle(true);
        this.tracker.onQuiet(this.lastOutputT);
      }
      this.lastOutputT = event.t;
      this.tracker.setTime(event.t);
      let data = event.data;
      let base = 0;
      // A line break leaving a prompt line: read the line just before it. After the first
      // piece, `data` starts with the line feed just handled: look past it.
      let from = 0;
      while (this.tracker.wantsLineFeeds()) {
        const lineFeed = data.indexOf(0x0a, from);
        if (lineFeed < 0) break;
        from = 1;
        this.screen.write(data.subarray(0, lineFeed), position, base);
        this.unparsed += lineFeed;
        await this.settle(true);
        this.tracker.beforeLineFeed(event.t);
        data = data.subarray(lineFeed);
        base += lineFeed;
      }
      this.screen.write(data, position, base);
      this.unparsed += data.length;
      this.sinceKeyframe += event.data.length;
      this.heatmap[Math.min(HEATMAP_BUCKETS - 1, Math.floor(event.t / this.bucketWidth))]! += event.data.length;
      // Shell marks are handled as the terminal parses them: at this event's time, and before
      // the next event asks the tracker what it wants.
      if (SHELL_MARKS.some((mark) => data.includes(mark))) await this.settle(true);
      else if (this.unparsed >= PARSE_BATCH_BYTES) await this.settle();
    } else if (event.kind === 'i') {
      await this.settle();
      this.tracker.onInput(event.data.toString('utf8'));
    } else if (event.kind === 'r') {
      const size = parseResize(event.data);
      await this.settle();
      if (size) this.terminal.resize(size.cols, size.rows);
      this.screen.invalidate();
    } else if (event.kind === 'm') {
      this.search.addMarker(event.t, event.data);
    }
    if (this.takesKeyframes && (this.sinceKeyframe >= KEYFRAME_BYTES || (this.sinceKeyframe > 0 && event.t - this.lastKeyframeT >= KEYFRAME_SECONDS))) {
      await this.settle();
      const keyframe = {
        t: event.t,
        chunkSeq: event.chunkSeq,
        eventIndex: event.index,
        cols: this.terminal.cols,
        rows: this.terminal.rows,
        data: this.serializer.serialize({ scrollback: KEYFRAME_SCROLLBACK }),
      };
      // A copy of its own size: Brotli's output may be a view of a larger buffer, all of which
      // the worker's message would copy.
      this.keyframes.push({ t: keyframe.t, bytes: new Uint8Array(encodeKeyframe(keyframe)) });
      this.sinceKeyframe = 0;
      this.lastKeyframeT = event.t;
    }
  }

  async finish(): Promise<IndexResult> {
    await this.settle();
    this.tracker.finish(this.lastT);
    this.search.finish();
    this.terminal.dispose();
    // Read off the screen like search lines, so checked again like them: a secret formed on the
    // screen (cursor moves, a key split by an escape) never reaches the command list or insights.
    const mask = (text: string) => maskLine(text, this.findSecrets);
    return {
      commands: this.tracker.commands.map((command) => ({
        ...command,
        text: mask(command.text),
        failureReason: command.failureReason === null ? null : mask(command.failureReason),
      })),
      keyframes: this.keyframes,
      heatmap: this.heatmap,
      screenMasks: this.screen.masks,
      searchLines: this.search.lines,
    };
  }

  /** Waits until the terminal has parsed everything written so far. */
  private async settle(isAlways = false): Promise<void> {
    if (this.unparsed === 0 && !isAlways) return;
    await this.screen.idle();
    this.unparsed = 0;
  }
}

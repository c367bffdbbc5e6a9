import type { IBuffer, IMarker, Terminal } from '@xterm/headless';

export type IndexedCommand = { t: number; text: string; exitCode: number | null };

type LogicalLine = { startY: number; endY: number; text: string };
type Prompt = { marker: IMarker; promptText: string };
type Candidate = IndexedCommand & { isConfirmed: boolean };

/** Output that stops this long is waiting for the user: the screen then shows a prompt. */
export const QUIET_SECONDS = 0.1;
/**
 * An Enter keystroke and the line break it caused are matched within these limits: the
 * keystroke may be recorded a little before its echo, or well after it (the input masker
 * records typed text once its echo is decided, after an idle deadline).
 */
const ENTER_BEFORE_ECHO_SECONDS = 2;
const ENTER_AFTER_ECHO_SECONDS = 6;
/** What an input masker writes for keystrokes it hid (which may include an Enter). */
const HIDDEN_INPUT = '[hidden input]';

/** A shell prompt's usual last characters, for lines where nothing better is known. */
const PROMPT_END = /^.*?[$#%>❯»] /;

/** The row at `y` and the rows wrapped onto or from it, joined. */
function logicalLineAt(buffer: IBuffer, y: number): LogicalLine {
  let startY = y;
  while (startY > 0 && buffer.getLine(startY)?.isWrapped) startY--;
  let endY = y;
  while (buffer.getLine(endY + 1)?.isWrapped) endY++;
  let text = '';
  for (let row = startY; row <= endY; row++) text += buffer.getLine(row)?.translateToString(row === endY) ?? '';
  return { startY, endY, text };
}

/** Characters of the logical line before cell (x, y). */
function offsetIn(buffer: IBuffer, line: LogicalLine, y: number, x: number): number {
  let offset = 0;
  for (let row = line.startY; row < y; row++) offset += buffer.getLine(row)?.translateToString(false).length ?? 0;
  return offset + (buffer.getLine(y)?.translateToString(false, 0, x).length ?? 0);
}

/**
 * Finds the commands of a terminal session from what the terminal showed, so history recall,
 * completion and line editing are already resolved:
 *   - when output pauses (the shell waits for the user), the line with the cursor is a prompt;
 *     the prompt ends there, or at an OSC 133;B mark when the shell emits shell-integration
 *     marks (133;D then carries the exit code);
 *   - when a line break leaves a prompt line, the text after the prompt is a candidate,
 *     timed by that output;
 *   - a candidate is a command once an Enter keystroke matches it: output alone (a program
 *     pausing mid-line) is not a command.
 * Keystrokes only confirm: their recorded times may lag their echo, their text may be masked.
 *
 * The owner writes output to the terminal and calls these hooks with the screen settled:
 * onQuiet before output that follows a pause, beforeLineFeed before a line break (while
 * hasPrompt() says a prompt is open), onInput for keystrokes.
 */
export class CommandTracker {
  private readonly candidates: Candidate[] = [];
  private prompt: Prompt | undefined;
  private lastPromptText: string | undefined;
  private markedStart: { marker: IMarker; x: number } | undefined;
  private enters: number[] = [];

  constructor(private readonly terminal: Terminal) {
    terminal.parser.registerOscHandler(133, (data) => this.onShellMark(data));
  }

  get commands(): IndexedCommand[] {
    return this.candidates.filter((c) => c.isConfirmed && c.text !== '').map(({ t, text, exitCode }) => ({ t, text, exitCode }));
  }

  /** A prompt is open: a pause showed one, or the shell marked where its command starts. */
  hasPrompt(): boolean {
    return this.prompt !== undefined || this.markedStart !== undefined;
  }

  /** The output paused: a prompt, unless one is already open on this line. */
  onQuiet(): void {
    const buffer = this.terminal.buffer.active;
    if (buffer.type === 'alternate') return;
    const y = buffer.baseY + buffer.cursorY;
    if (this.prompt && !this.prompt.marker.isDisposed && this.isOnLine(this.prompt.marker.line, y)) return;
    const line = logicalLineAt(buffer, y);
    const offset = offsetIn(buffer, line, y, buffer.cursorX);
    let promptText = line.text.padEnd(offset).slice(0, offset);
    // A prompt redrawn with a half-typed command after it (completion listed choices): the
    // prompt itself is the one seen before.
    if (this.lastPromptText && promptText.startsWith(this.lastPromptText)) promptText = this.lastPromptText;
    const isMarked = this.markedStart !== undefined && !this.markedStart.marker.isDisposed && this.isOnLine(this.markedStart.marker.line, y);
    // Output waiting at the start of an empty line (a command pausing) is not a prompt.
    if (promptText.trim() === '' && !isMarked) return;
    const marker = this.terminal.registerMarker(0);
    if (!marker) return;
    this.prompt?.marker.dispose();
    this.prompt = { marker, promptText };
  }

  /** A line break is about to be written: if it leaves the prompt line, that line was a command. */
  beforeLineFeed(t: number): void {
    const buffer = this.terminal.buffer.active;
    const y = buffer.baseY + buffer.cursorY;
    const marked = this.markedStart;
    // Typed before the output paused, at a prompt the shell marked: the mark is enough.
    if (!this.prompt && marked && !marked.marker.isDisposed && this.isOnLine(marked.marker.line, y)) {
      const line = logicalLineAt(buffer, y);
      this.prompt = { marker: marked.marker, promptText: line.text.slice(0, offsetIn(buffer, line, marked.marker.line, marked.x)) };
    }
    const prompt = this.prompt;
    if (!prompt) {
      this.closePrompt();
      return;
    }
    if (prompt.marker.isDisposed || !this.isOnLine(prompt.marker.line, y)) {
      this.closePrompt();
      return;
    }
    const line = logicalLineAt(buffer, y);
    this.candidates.push({ t, text: this.commandText(buffer, line, prompt).trim(), exitCode: null, isConfirmed: false });
    this.lastPromptText = prompt.promptText;
    this.closePrompt();
    this.match(t);
  }

  onInput(data: string, t: number): void {
    if (this.terminal.buffer.active.type === 'alternate') return;
    let count = 0;
    for (let i = 0; i < data.length; i++) if (data[i] === '\r' || (data[i] === '\n' && data[i - 1] !== '\r')) count++;
    if (count === 0 && data.includes(HIDDEN_INPUT)) count = 1;
    for (let i = 0; i < count; i++) this.enters.push(t);
    this.match(t);
  }

  /**
   * Pairs each Enter with the latest unconfirmed candidate line it can have caused (one at most
   * ENTER_BEFORE_ECHO_SECONDS after it, or ENTER_AFTER_ECHO_SECONDS before it). An Enter with no
   * candidate yet waits for one, until it is too old.
   */
  private match(now: number): void {
    const waiting: number[] = [];
    for (const enter of this.enters) {
      let chosen: Candidate | undefined;
      for (const candidate of this.candidates) {
        if (candidate.t > enter + ENTER_BEFORE_ECHO_SECONDS) break;
        if (!candidate.isConfirmed && candidate.t >= enter - ENTER_AFTER_ECHO_SECONDS) chosen = candidate;
      }
      if (chosen) chosen.isConfirmed = true;
      else if (enter > now - ENTER_BEFORE_ECHO_SECONDS) waiting.push(enter);
    }
    this.enters = waiting;
  }

  private commandText(buffer: IBuffer, line: LogicalLine, prompt: Prompt): string {
    const marked = this.markedStart;
    if (marked && !marked.marker.isDisposed && marked.marker.line >= line.startY && marked.marker.line <= line.endY) {
      return line.text.slice(offsetIn(buffer, line, marked.marker.line, marked.x));
    }
    if (line.text.startsWith(prompt.promptText)) return line.text.slice(prompt.promptText.length);
    if (line.text === prompt.promptText.trimEnd()) return '';
    const fallback = PROMPT_END.exec(line.text);
    return fallback ? line.text.slice(fallback[0].length) : line.text;
  }

  private isOnLine(markerLine: number, y: number): boolean {
    const line = logicalLineAt(this.terminal.buffer.active, y);
    return markerLine >= line.startY && markerLine <= line.endY;
  }

  private closePrompt(): void {
    this.prompt?.marker.dispose();
    this.markedStart?.marker.dispose();
    this.prompt = undefined;
    this.markedStart = undefined;
  }

  private onShellMark(data: string): boolean {
    const [code, argument] = data.split(';');
    if (code === 'B') {
      const marker = this.terminal.registerMarker(0);
      this.markedStart?.marker.dispose();
      if (marker) this.markedStart = { marker, x: this.terminal.buffer.active.cursorX };
    } else if (code === 'D' && argument !== undefined && /^-?\d+$/.test(argument)) {
      const last = this.candidates[this.candidates.length - 1];
      if (last && last.exitCode === null) last.exitCode = Number(argument);
    }
    return true;
  }
}

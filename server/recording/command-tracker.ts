import type { IMarker, Terminal } from '@xterm/headless';
import { echoedStatus, failedCommandIndex, failureInOutput } from './command-failure';
import { linesBetween, logicalLineAt, offsetIn, textBefore, type LogicalLine } from './screen-lines';
import {
  BRACKETED_PASTE,
  FAILURE_ROWS,
  MAX_PENDING,
  PROMPT_END,
  type Editor,
  type Entry,
  type IndexedCommand,
  type InputStart,
  setExitCode,
} from './command-tracker-model';
import { KnownPrompts } from './known-prompts';
import { TypedLines } from './typed-lines';

/**
 * Finds the commands of a terminal session from what the terminal showed, so history recall,
 * completion and line editing are already resolved.
 *
 * Shells with a line editor that marks its lines (bracketed paste on while reading, off once
 * Enter accepted the line) give each command line exactly, typed ahead or pasted: the text
 * between the prompt and the accept, one command per line. The prompt's end is where the
 * output paused before typing, an OSC 133;B mark, or a prompt seen before.
 *
 * Other shells (dash, bash < 5.1): when output pauses, the line with the cursor is a prompt;
 * a line break leaving it makes a candidate, a command once an Enter confirms it. Lines a terminal echoed
 * with no prompt (typed ahead in cooked mode) count when typed exactly so. Matching goes by
 * order, never by time: keystrokes may be recorded well after their echo.
 *
 * A command ends at the next prompt: its duration, OSC 133;D's exit code, or a failure the
 * output shows. The owner writes output to the terminal, calls setTime before each output
 * event and lets the parser catch up after events with shell marks, calls onQuiet before
 * output that follows a pause, beforeLineFeed before a line break while wantsLineFeeds(),
 * onInput for keystrokes and finish at the end.
 */
export class CommandTracker {
  private readonly entries: Entry[] = [];
  private running: Entry[] = [];
  private pending: Entry[] = [];
  private readonly typed = new TypedLines();
  private readonly knownPrompts = new KnownPrompts();
  private editor: Editor | undefined;
  private hasEditors = false;
  /**
   * Commands confirmed at prompts found by pauses while a line editor's command runs: a nested
   * shell without line marks (`sh`), or a program's question. They end at its next prompt.
   */
  private nested: Entry[] = [];
  private isNested = false;
  /**
   * Lines a terminal echoed as they were typed ahead (cooked mode, before a shell read them):
   * if a line editor then shows the same line again, that is when it ran.
   */
  private echoedAhead: Entry[] = [];
  private prompt: InputStart | undefined;
  private markedStart: { marker: IMarker; x: number } | undefined;
  private now = 0;

  constructor(private readonly terminal: Terminal) {
    terminal.parser.registerOscHandler(133, (data) => this.onShellMark(data));
    terminal.parser.registerCsiHandler({ prefix: '?', final: 'h' }, (params) => {
      if (params.includes(BRACKETED_PASTE)) this.onEditorOpen();
      return false;
    });
    terminal.parser.registerCsiHandler({ prefix: '?', final: 'l' }, (params) => {
      if (params.includes(BRACKETED_PASTE)) this.onEditorAccept();
      return false;
    });
  }

  get commands(): IndexedCommand[] {
    return this.entries
      .filter((e) => e.isConfirmed && e.text !== '')
      .sort((a, b) => a.t - b.t)
      .map(({ t, text, exitCode, duration, failureReason }) => ({ t, text, exitCode, duration, failureReason }));
  }

  /** The time of the output the terminal parses next. */
  setTime(t: number): void {
    this.now = t;
  }

  /** Line breaks matter now: a prompt line is open, or typed text may be echoed without one. */
  wantsLineFeeds(): boolean {
    if (this.editor) return this.editor.isAccepting;
    return this.prompt !== undefined || this.markedStart !== undefined || (this.isOrphanAllowed() && this.typed.hasAny());
  }

  /** The output paused after output at `promptT`: the cursor may wait at a prompt. */
  onQuiet(promptT: number): void {
    const buffer = this.terminal.buffer.active;
    if (buffer.type === 'alternate') return;
    const y = buffer.baseY + buffer.cursorY;
    if (this.editor) {
      this.onEditorQuiet(this.editor, y, buffer.cursorX);
      return;
    }
    if (this.prompt && this.isOnLine(this.prompt.marker, y)) return;
    const promptText = this.promptBefore(y, buffer.cursorX);
    const isMarked = this.markedStart !== undefined && this.isOnLine(this.markedStart.marker, y);
    // Output waiting at the start of an empty line (a command pausing) is not a prompt.
    if (promptText.trim() === '' && !isMarked) return;
    const marker = this.terminal.registerMarker(0);
    if (!marker) return;
    this.prompt?.marker.dispose();
    this.prompt = { marker, promptText };
    // The shell that read the lines echoed ahead shows its prompt: they were its commands.
    this.echoedAhead = [];
    // A shell without line marks is back at its prompt; in one with them, a pause mid-command
    // is the command asking something (`read -p`, a confirmation), not its end.
    if (this.hasEditors) this.nested = this.end(this.nested, promptT, false);
    else this.running = this.end(this.running, promptT, false);
  }

  /** A line break is about to be written: if it leaves a prompt line, that line may be a command. */
  beforeLineFeed(t: number): void {
    const buffer = this.terminal.buffer.active;
    const y = buffer.baseY + buffer.cursorY;
    if (this.editor) {
      if (this.editor.isAccepting) this.accept(this.editor, y, y);
      return;
    }
    const marked = this.markedStart;
    // Typed before the output paused, at a prompt the shell marked: the mark is enough.
    if (!this.prompt && marked && this.isOnLine(marked.marker, y)) {
      const line = logicalLineAt(buffer, y);
      this.prompt = { marker: marked.marker, promptText: line.text.slice(0, offsetIn(buffer, line, marked.marker.line, marked.x)) };
    }
    const prompt = this.prompt;
    const line = logicalLineAt(buffer, y);
    if (prompt && this.isOnLine(prompt.marker, y)) {
      this.addCandidate({ t, text: this.fallbackText(line, prompt).trim(), isOrphan: false });
    } else if (this.isOrphanAllowed() && line.text.trim() !== '') {
      this.addCandidate({ t, text: line.text.trim(), isOrphan: true });
    }
    this.closePrompt();
    this.match();
  }

  onInput(data: string): void {
    if (this.terminal.buffer.active.type === 'alternate') return;
    this.typed.write(data);
    this.match();
  }

  /** The recording ended at `t`: what still runs ends there. */
  finish(t: number): void {
    this.nested = this.end(this.nested, t, true);
    this.running = this.end(this.running, t, true, !this.isNested);
  }

  /** Lines echoed with no prompt are candidates where no line editor shows typed-ahead lines. */
  private isOrphanAllowed(): boolean {
    return !this.hasEditors || this.isNested;
  }

  private onEditorOpen(): void {
    if (this.terminal.buffer.active.type === 'alternate') return;
    this.hasEditors = true;
    this.nested = this.end(this.nested, this.now, true);
    // Output of nested commands is theirs, not that of the command that started their shell.
    this.running = this.end(this.running, this.now, !this.isNested, !this.isNested);
    this.isNested = false;
    this.closeEditor();
    this.closePrompt();
    this.pending = [];
    this.typed.clear();
    const start = this.terminal.registerMarker(0);
    if (start) this.editor = { start, input: undefined, isAccepting: false };
  }

  /** Before any typing the cursor waits where the prompt ends; later pauses may show a redraw. */
  private onEditorQuiet(editor: Editor, y: number, x: number): void {
    const buffer = this.terminal.buffer.active;
    if (!editor.input) {
      const promptText = this.promptBefore(y, x);
      const marker = this.terminal.registerMarker(0);
      if (!marker) return;
      editor.input = { marker, promptText };
      this.knownPrompts.learn(promptText);
      // A prompt of several lines: the ones above the input line are prompt, never a command.
      const inputLine = logicalLineAt(buffer, y);
      if (!editor.start.isDisposed) for (const line of linesBetween(buffer, editor.start.line, inputLine.startY - 1)) this.knownPrompts.learnLine(line.text);
      return;
    }
    // The prompt drawn again lower down (completion listed choices, the screen was cleared).
    if (this.isOnLine(editor.input.marker, y)) return;
    const text = logicalLineAt(buffer, y).text;
    if (this.knownPrompts.longestPrefixOf(text) === undefined) return;
    const marker = this.terminal.registerMarker(0);
    if (!marker) return;
    editor.input.marker.dispose();
    editor.input = { marker, promptText: this.promptBefore(y, x) };
  }

  /**
   * The editor closed. Enter leaves the line first (bash: `\r\n` then the switch), so the
   * lines above the cursor were accepted. Closed on the line itself, it is Ctrl-C (bash:
   * `^C` then the switch), or a shell that leaves the line afterwards: the next line break,
   * if no prompt comes first, accepts it.
   */
  private onEditorAccept(): void {
    const editor = this.editor;
    const buffer = this.terminal.buffer.active;
    if (!editor || buffer.type === 'alternate') return;
    const y = buffer.baseY + buffer.cursorY;
    if (buffer.cursorX === 0 && y > this.firstRow(editor, y)) this.accept(editor, y - 1, y);
    else editor.isAccepting = true;
  }

  private firstRow(editor: Editor, y: number): number {
    if (editor.input && !editor.input.marker.isDisposed) return editor.input.marker.line;
    return editor.start.isDisposed ? y : editor.start.line;
  }

  /** Each line the editor showed up to row `lastY` (a paste may hold several) is a command. */
  private accept(editor: Editor, lastY: number, y: number): void {
    const buffer = this.terminal.buffer.active;
    this.editor = undefined;
    const from = this.firstRow(editor, lastY);
    let lines = linesBetween(buffer, Math.min(from, lastY), lastY);
    // Ctrl-C abandoned the line.
    if (lines[lines.length - 1]?.text.trimEnd().endsWith('^C')) lines = [];
    if (!editor.input) while (lines.length > 1 && this.knownPrompts.isPromptLine(lines[0]!.text)) lines = lines.slice(1);
    const texts = lines
      .map((line, i) => (i === 0 ? this.stripPrompt(line, editor.input) : line.text))
      .map((text) => text.trim())
      .filter((text) => text !== '');
    editor.start.dispose();
    editor.input?.marker.dispose();
    this.typed.clear();
    if (texts.length === 0) return;
    for (const text of texts) this.dropEchoedAhead(text);
    const after = this.terminal.registerMarker(lastY - y);
    this.running = texts.map((text) => ({ t: this.now, text, exitCode: null, duration: null, failureReason: null, isConfirmed: true, isOrphan: false, after }));
    this.entries.push(...this.running);
  }

  private dropEchoedAhead(text: string): void {
    const at = this.echoedAhead.findIndex((entry) => entry.text === text);
    if (at < 0) return;
    const [entry] = this.echoedAhead.splice(at, 1);
    this.entries.splice(this.entries.indexOf(entry!), 1);
  }

  private stripPrompt(line: LogicalLine, input: InputStart | undefined): string {
    if (input && input.promptText !== '' && line.text.startsWith(input.promptText)) return line.text.slice(input.promptText.length);
    return this.fallbackText(line, undefined);
  }

  /** The text after the prompt on a prompt line: a marked start, the prompt seen, a known one, or the usual end. */
  private fallbackText(line: LogicalLine, prompt: InputStart | undefined): string {
    const buffer = this.terminal.buffer.active;
    const marked = this.markedStart;
    if (marked && !marked.marker.isDisposed && marked.marker.line >= line.startY && marked.marker.line <= line.endY) {
      return line.text.slice(offsetIn(buffer, line, marked.marker.line, marked.x));
    }
    if (prompt) {
      if (line.text.startsWith(prompt.promptText)) return line.text.slice(prompt.promptText.length);
      if (line.text === prompt.promptText.trimEnd()) return '';
    }
    const known = this.knownPrompts.longestPrefixOf(line.text);
    if (known !== undefined) return line.text.slice(known.length);
    const usual = PROMPT_END.exec(line.text);
    return usual ? line.text.slice(usual[0].length) : line.text;
  }

  /** The text before the cursor, or the known prompt it starts with (typing already shown). */
  private promptBefore(y: number, x: number): string {
    const text = textBefore(this.terminal.buffer.active, y, x);
    return this.knownPrompts.longestPrefixOf(text) ?? text;
  }

  private addCandidate({ t, text, isOrphan }: { t: number; text: string; isOrphan: boolean }): void {
    if (text === '') return;
    const after = this.terminal.registerMarker(0);
    const entry: Entry = { t, text, exitCode: null, duration: null, failureReason: null, isConfirmed: false, isOrphan, after };
    this.pending.push(entry);
    if (this.pending.length > MAX_PENDING) this.pending.shift()?.after?.dispose();
    if (!isOrphan) this.knownPrompts.learn(this.prompt?.promptText ?? '');
  }

  /**
   * Pairs candidates with typed lines in order: a prompt line is confirmed by the next line
   * sent with Enter, an orphan line only by a waiting line typed exactly as it shows (at once
   * or never); lines before the partner and candidates before this one had none.
   */
  private match(): void {
    for (let k = 0; k < this.pending.length; k++) {
      const entry = this.pending[k]!;
      // A prompt line needs an Enter (its recorded text may be masked); a line with no prompt,
      // the very text typed.
      const j = this.typed.waiting.findIndex((line) => !entry.isOrphan || line.text === entry.text);
      if (j < 0) {
        if (entry.isOrphan) {
          entry.after?.dispose();
          this.pending.splice(k--, 1);
        }
        continue;
      }
      this.typed.take(j + 1);
      entry.isConfirmed = true;
      this.entries.push(entry);
      if (entry.isOrphan) this.echoedAhead.push(entry);
      // Typed ahead in cooked mode, several may run before the next prompt.
      if (!this.hasEditors) this.running.push(entry);
      else {
        this.nested.push(entry);
        this.isNested = true;
      }
      for (const dropped of this.pending.slice(0, k)) dropped.after?.dispose();
      this.pending = this.pending.slice(k + 1);
      k = -1;
    }
  }

  /**
   * The running commands ended at `t` (the next prompt is drawn): their duration, and a failure
   * their output shows. The cursor row holds output too unless it is the new prompt's row.
   */
  private end(running: Entry[], t: number, isCursorRowOutput: boolean, isScanned = true): Entry[] {
    if (running.length === 0) return [];
    const buffer = this.terminal.buffer.active;
    const y = buffer.baseY + buffer.cursorY;
    const after = running[running.length - 1]!.after;
    const fromY = after && !after.isDisposed ? after.line + 1 : y - FAILURE_ROWS;
    const output = linesBetween(buffer, fromY, y - 1, FAILURE_ROWS).map((line) => line.text);
    if (isCursorRowOutput && buffer.cursorX > 0) output.push(textBefore(buffer, y, buffer.cursorX));
    for (const entry of running) entry.duration = Math.max(0, t - entry.t);
    const reason = isScanned ? failureInOutput(output) : null;
    if (reason) {
      const target =
        running[
          failedCommandIndex(
            running.map((e) => e.text),
            reason,
          )
        ]!;
      if (target.exitCode !== 0) target.failureReason = reason;
    }
    const last = running[running.length - 1]!;
    const status = echoedStatus(last.text, output);
    const before = this.entries[this.entries.indexOf(running[0]!) - 1];
    if (status && before && before.exitCode === null && before.failureReason === null) before.failureReason = `\`${last.text.trim()}\` printed ${status}`;
    for (const entry of running) if (entry.after !== after) entry.after?.dispose();
    after?.dispose();
    return [];
  }

  private isOnLine(marker: IMarker, y: number): boolean {
    if (marker.isDisposed) return false;
    const line = logicalLineAt(this.terminal.buffer.active, y);
    return marker.line >= line.startY && marker.line <= line.endY;
  }

  private closeEditor(): void {
    this.editor?.start.dispose();
    this.editor?.input?.marker.dispose();
    this.editor = undefined;
  }

  private closePrompt(): void {
    this.prompt?.marker.dispose();
    this.markedStart?.marker.dispose();
    this.prompt = undefined;
    this.markedStart = undefined;
  }

  private onShellMark(data: string): boolean {
    const [code, argument] = data.split(';');
    if (code === 'A' && !this.editor) {
      this.running = this.end(this.running, this.now, true);
    } else if (code === 'B') {
      const marker = this.terminal.registerMarker(0);
      if (!marker) return true;
      const buffer = this.terminal.buffer.active;
      if (this.editor) {
        this.editor.input?.marker.dispose();
        this.editor.input = { marker, promptText: textBefore(buffer, buffer.baseY + buffer.cursorY, buffer.cursorX) };
        this.knownPrompts.learn(this.editor.input.promptText);
      } else {
        this.markedStart?.marker.dispose();
        this.markedStart = { marker, x: buffer.cursorX };
      }
    } else if (code === 'D' && argument !== undefined && /^-?\d+$/.test(argument)) {
      const last = this.nested[this.nested.length - 1] ?? this.running[this.running.length - 1] ?? this.entries[this.entries.length - 1];
      if (last) setExitCode(last, Number(argument));
    }
    return true;
  }
}

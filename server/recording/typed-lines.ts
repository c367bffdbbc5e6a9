/** What an input masker writes for keystrokes it hid (which may include an Enter). */
export const HIDDEN_INPUT = '[hidden input]';

/**
 * A line the user sent with Enter, as typed. `isExact` is false when the line used editing the
 * terminal resolves and the keystrokes do not show (arrows, history, completion, a hidden run):
 * then only the screen knows the text.
 */
export type TypedLine = { text: string; isExact: boolean };

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

/**
 * Splits recorded keystrokes into the lines they sent, applying the editing a terminal in
 * cooked mode does itself (backspace, ^U, ^W). Pasted text (bracketed or not) sends a line at
 * each line break, as the shell reads it.
 */
export class TypedLines {
  private readonly lines: TypedLine[] = [];
  private current = '';
  private isExact = true;
  /** An escape sequence cut between two input events. */
  private escape = '';

  get waiting(): readonly TypedLine[] {
    return this.lines;
  }

  /** Something is typed, sent or not: its echo may still come. */
  hasAny(): boolean {
    return this.lines.length > 0 || this.current !== '';
  }

  write(data: string): void {
    let text = this.escape + data;
    this.escape = '';
    text = text.split(HIDDEN_INPUT).join('\x00');
    for (let i = 0; i < text.length; i++) {
      const char = text[i]!;
      if (char === '\x1b') {
        const length = escapeLength(text, i);
        if (length === 0) {
          this.escape = text.slice(i);
          return;
        }
        const sequence = text.slice(i, i + length);
        if (sequence !== PASTE_START && sequence !== PASTE_END) this.isExact = false;
        i += length - 1;
      } else if (char === '\r' || (char === '\n' && text[i - 1] !== '\r')) {
        this.lines.push({ text: this.current.trim(), isExact: this.isExact });
        this.current = '';
        this.isExact = true;
      } else if (char === '\n') {
        continue;
      } else if (char === '\x7f' || char === '\b') {
        this.current = this.current.slice(0, -1);
      } else if (char === '\x15') {
        this.current = '';
      } else if (char === '\x17') {
        this.current = this.current.replace(/\S*\s*$/, '');
      } else if (char === '\x00' || char === '\t' || char < ' ') {
        // A hidden run, completion, history search: the screen resolves them, not the keys.
        this.isExact = false;
      } else {
        this.current += char;
      }
    }
  }

  /** Drops the first `count` lines (the shell took them). */
  take(count: number): void {
    this.lines.splice(0, count);
  }

  /** Everything typed so far belongs to a line editor that shows it: nothing to match. */
  clear(): void {
    this.lines.length = 0;
    this.current = '';
    this.isExact = true;
  }
}

/** Length of the escape sequence at `i` (CSI, SS3, or ESC + one char); 0 when it is cut short. */
function escapeLength(text: string, i: number): number {
  const next = text[i + 1];
  if (next === undefined) return 0;
  if (next === '[') {
    for (let j = i + 2; j < text.length; j++) {
      const code = text.charCodeAt(j);
      if (code >= 0x40 && code <= 0x7e) return j - i + 1;
    }
    return 0;
  }
  if (next === 'O') return text[i + 2] === undefined ? 0 : 3;
  return 2;
}

import type { Terminal } from '@xterm/headless';
import { decodeSqlEvent } from '@/lib/sql/sql-events';
import { decodeHttpEvent } from '@/lib/recording/http-events';
import { maskLine, type SecretFinder } from './screen-secrets';
import { logicalLineAt } from './screen-lines';

/** A searchable line the indexer read: output as the screen showed it, or a SQL statement, error or notice. */
export type SearchLine = { kind: 'output' | 'sql'; t: number; text: string; failed: boolean };

/**
 * Bounds per recording, so a 1 GB `cat` cannot blow up the search table: each line is cut at
 * MAX_LINE_CHARS, each distinct line is kept once (with the time it was first printed), and
 * after MAX_OUTPUT_LINES distinct lines or MAX_OUTPUT_CHARS characters no more output is
 * indexed (at most ~4 MB of text per recording, whatever it printed). SQL is bounded the same.
 */
export const MAX_LINE_CHARS = 500;
export const MAX_OUTPUT_LINES = 20_000;
export const MAX_OUTPUT_CHARS = 4_000_000;

/**
 * Collects what cross-recording search indexes from one pass of the indexer's terminal: each
 * logical line of output when a line feed ends it (read from the screen, so escapes, `\r`
 * overwrites and line editing are resolved), timed by when the output was printed; and SQL
 * statements, errors and notices from the recording's SQL markers (HTTP requests and failures too). Every output line is checked
 * with the recording's screen secret finder once more before it is kept, whatever the screen
 * check had painted by then: a secret formed on screen is never indexed.
 */
export class SearchLines {
  readonly lines: SearchLine[] = [];
  private readonly seen = new Set<string>();
  private chars = 0;
  private lastOutput = '';
  private readonly statements = new Map<string, SearchLine>();

  constructor(
    private readonly terminal: Terminal,
    private readonly timeOf: () => number,
    private readonly findSecrets: SecretFinder | null,
  ) {
    terminal.onLineFeed(() => this.onLineFeed());
    // `clear` erases the screen without scrolling it into the scrollback: read it first.
    terminal.parser.registerCsiHandler({ final: 'J' }, (params) => {
      if (params[0] === 2 || params[0] === 3) this.readScreen();
      return false;
    });
  }

  /** A marker event: SQL statements, their errors and notices. Other markers are not searchable. */
  addMarker(t: number, data: Buffer): void {
    const text = data.toString('utf8');
    const http = decodeHttpEvent(text);
    // An HTTP exchange (masked when recorded): its request line, and why it failed.
    if (http?.http === 'request') return this.pushSql({ kind: 'sql', t, text: clip(`${http.method} ${http.url}`), failed: false });
    if (http?.http === 'error') return this.pushSql({ kind: 'sql', t, text: clip(http.message), failed: true });
    const event = decodeSqlEvent(text);
    if (!event) return;
    if (event.sql === 'statement') {
      const line: SearchLine = { kind: 'sql', t, text: clip(event.text), failed: false };
      this.statements.set(`${event.id}:${event.index}`, line);
      this.pushSql(line);
    } else if (event.sql === 'result' && event.error) {
      const statement = this.statements.get(`${event.id}:${event.index}`);
      if (statement) statement.failed = true;
      this.pushSql({ kind: 'sql', t, text: clip(event.error.message), failed: true });
    } else if (event.sql === 'notice') {
      this.pushSql({ kind: 'sql', t, text: clip(event.message), failed: false });
    }
  }

  /** The end of the recording: what is still on the screen was shown too. */
  finish(): void {
    this.readScreen();
  }

  private onLineFeed(): void {
    const buffer = this.terminal.buffer.active;
    // Full-screen programs (less, vim, top) redraw the alternate screen: not lines printed.
    if (buffer.type !== 'normal') return;
    const y = buffer.baseY + buffer.cursorY - 1;
    if (y < 0) return;
    this.pushOutput(logicalLineAt(buffer, y).text);
  }

  private readScreen(): void {
    const buffer = this.terminal.buffer.active;
    if (buffer.type !== 'normal') return;
    for (let y = buffer.baseY; y < buffer.baseY + this.terminal.rows;) {
      const line = logicalLineAt(buffer, y);
      this.pushOutput(line.text);
      y = Math.max(line.endY, y) + 1;
    }
  }

  private pushOutput(raw: string): void {
    if (this.chars >= MAX_OUTPUT_CHARS || this.seen.size >= MAX_OUTPUT_LINES) return;
    // Deduplicated on the screen's text, before the (costlier) secret check.
    const line = raw.trimEnd();
    if (line.trim().length === 0 || line === this.lastOutput) return;
    this.lastOutput = line;
    if (this.seen.has(line)) return;
    this.seen.add(line);
    const text = clip(this.masked(line));
    // The same line once the screen check painted its secret over: already kept.
    if (text !== line && this.seen.has(text)) return;
    this.seen.add(text);
    this.chars += text.length;
    this.lines.push({ kind: 'output', t: this.timeOf(), text, failed: false });
  }

  private pushSql(line: SearchLine): void {
    if (this.chars >= MAX_OUTPUT_CHARS || line.text.trim().length === 0) return;
    this.chars += line.text.length;
    this.lines.push(line);
  }

  private masked(text: string): string {
    return maskLine(text, this.findSecrets);
  }
}

function clip(text: string): string {
  return text.length > MAX_LINE_CHARS ? text.slice(0, MAX_LINE_CHARS) : text;
}

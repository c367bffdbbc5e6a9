import type { TerminalConnection, TerminalSize } from '../connectors/terminal-connector';
import type { PipelineEvent, Sink } from '../relay/pipeline';

/** Input typed before the target answers is held, up to this much. */
const EARLY_INPUT_LIMIT_BYTES = 64 * 1024;
/** Input queued while the target reads nothing (a huge paste into a stuck program). */
const INPUT_BACKLOG_LIMIT_BYTES = 4 * 1024 * 1024;

/**
 * The end of the input pipeline: keystrokes and resizes to the target. Holds what arrives
 * before the connection exists. The browser socket is never paused for input, because the
 * output acks travel on it: a program that stops reading input until its output drains
 * would otherwise deadlock the session. A runaway backlog ends the session instead.
 */
export class TargetInput implements Sink {
  bytesIn = 0;
  size: TerminalSize;
  private connection: TerminalConnection | undefined;
  private early: Buffer[] = [];
  private earlyBytes = 0;
  private isBlocked = false;
  private backlog = 0;

  constructor(
    size: TerminalSize,
    private readonly onOverflow: (message: string) => void,
  ) {
    this.size = size;
  }

  /** The connection opened with `openedWith`; catch up on resizes and input since. */
  attach(connection: TerminalConnection, openedWith: TerminalSize): void {
    this.connection = connection;
    if (this.size !== openedWith) connection.resize(this.size);
    const early = this.early;
    this.early = [];
    for (const chunk of early) this.write(chunk);
  }

  onDrain(): void {
    this.isBlocked = false;
    this.backlog = 0;
  }

  write(recorded: Buffer, relayed?: Buffer): void {
    const chunk = relayed ?? recorded;
    if (chunk.length === 0) return;
    if (!this.connection) {
      this.earlyBytes += chunk.length;
      if (this.earlyBytes > EARLY_INPUT_LIMIT_BYTES) return this.onOverflow('Too much input before the connection opened.');
      this.early.push(chunk);
      return;
    }
    this.bytesIn += chunk.length;
    if (this.isBlocked) {
      this.backlog += chunk.length;
      if (this.backlog > INPUT_BACKLOG_LIMIT_BYTES) return this.onOverflow('The target stopped reading input.');
    }
    if (!this.connection.write(chunk)) this.isBlocked = true;
  }

  event(event: PipelineEvent): void {
    if (event.type !== 'resize') return;
    this.size = { cols: event.cols, rows: event.rows };
    this.connection?.resize(this.size);
  }

  end(): void {}
}

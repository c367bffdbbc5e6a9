import { SQL_FLOW_WINDOW_BYTES } from '@/lib/protocol/sql-protocol';
import type { FlowWindow } from './flow-window';

/** Bytes the socket may buffer (not yet handed to the kernel) before reading waits too. */
const MAX_SOCKET_BUFFER = 8 * 1024 * 1024;

/**
 * Flow control of one SQL console: result pages go out until SQL_FLOW_WINDOW_BYTES are
 * unacknowledged by the browser (or the socket buffers too much, or a stage holds a reason,
 * such as the recording falling behind); then reading from the database waits.
 */
export class SqlFlow implements FlowWindow {
  sent = 0;
  acked = 0;
  maxUnacked = 0;
  pauseCount = 0;
  /** Not measured: reading waits on the socket's buffer instead (MAX_SOCKET_BUFFER). */
  readonly maxBuffered = 0;
  private readonly holds = new Set<string>();
  private waiters: (() => void)[] = [];
  private isClosed = false;

  constructor(private readonly bufferedAmount: () => number) {}

  onSend(bytes: number): void {
    this.sent += bytes;
    this.maxUnacked = Math.max(this.maxUnacked, this.sent - this.acked);
  }

  onAck(total: number): void {
    // Acks are totals: an old or inflated one cannot open the window past what was sent.
    this.acked = Math.min(this.sent, Math.max(this.acked, total));
    this.wake();
  }

  onFlushed(): void {
    this.wake();
  }

  hold(reason: string): void {
    this.holds.add(reason);
  }

  release(reason: string): void {
    this.holds.delete(reason);
    this.wake();
  }

  close(): void {
    this.isClosed = true;
    this.wake();
  }

  private hasRoom(): boolean {
    return this.isClosed || (this.sent - this.acked < SQL_FLOW_WINDOW_BYTES && this.bufferedAmount() < MAX_SOCKET_BUFFER && this.holds.size === 0);
  }

  /** Resolves once another page may be read. */
  async waitForRoom(): Promise<void> {
    if (this.hasRoom()) return;
    this.pauseCount += 1;
    while (!this.hasRoom()) {
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        // The recording's hold and the socket buffer have no event of their own: look again soon.
        setTimeout(resolve, 50).unref();
      });
    }
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}

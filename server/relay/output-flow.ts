import { FLOW_WINDOW_BYTES } from '@/lib/protocol/terminal-protocol';
import type { FlowWindow } from './flow-window';
import type { PauseGate } from './pause-gate';

/** Above this many bytes queued in the socket the connector pauses, whatever the acks say. */
export const SOCKET_HIGH_WATER_BYTES = 1024 * 1024;
export const SOCKET_LOW_WATER_BYTES = 256 * 1024;

/**
 * End-to-end output flow control. The browser acknowledges what xterm has written; while more
 * than the window is unacknowledged, or the socket itself backs up (a client that acks
 * without reading), the gate pauses the connector. Pausing the SSH channel stops its window
 * adjustments, so the target is throttled instead of this process buffering.
 */
export class OutputFlow implements FlowWindow {
  sent = 0;
  acked = 0;
  maxUnacked = 0;
  maxBuffered = 0;

  constructor(
    private readonly gate: PauseGate,
    private readonly bufferedAmount: () => number,
    private readonly windowBytes = FLOW_WINDOW_BYTES,
  ) {}

  /** How many times the source was paused (the gate counts them). */
  get pauseCount(): number {
    return this.gate.pauseCount;
  }

  get unacked(): number {
    return this.sent - this.acked;
  }

  /** Call before handing `bytes` to the socket. */
  onSend(bytes: number): void {
    this.sent += bytes;
    const unacked = this.sent - this.acked;
    if (unacked > this.maxUnacked) this.maxUnacked = unacked;
    if (unacked > this.windowBytes) this.gate.hold('browser');
    const buffered = this.bufferedAmount() + bytes;
    if (buffered > this.maxBuffered) this.maxBuffered = buffered;
    if (buffered > SOCKET_HIGH_WATER_BYTES) this.gate.hold('socket');
  }

  /** `total` is the browser's running count; it can neither go back nor exceed what was sent. */
  onAck(total: number): void {
    if (total <= this.acked) return;
    this.acked = Math.min(total, this.sent);
    // Resume at half the window so a steady flood does not toggle on every ack.
    if (this.sent - this.acked <= this.windowBytes / 2) this.gate.release('browser');
  }

  /** Call when the socket has flushed a frame. */
  onFlushed(): void {
    if (this.gate.isPaused && this.bufferedAmount() <= SOCKET_LOW_WATER_BYTES) this.gate.release('socket');
  }
}

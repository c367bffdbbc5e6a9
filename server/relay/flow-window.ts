/**
 * What a session's relay reads of its flow window, push (OutputFlow: pauses the target) or
 * pull (SqlFlow: reading waits): the browser's running acknowledgements open it, the counters
 * are the session's stats, and `close` frees whatever waits on it when the session ends.
 */
export interface FlowWindow {
  readonly sent: number;
  readonly acked: number;
  readonly maxUnacked: number;
  readonly maxBuffered: number;
  readonly pauseCount: number;
  /** `total` is the browser's running count of what it has handled. */
  onAck(total: number): void;
  close?(): void;
}

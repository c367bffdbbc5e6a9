/**
 * What the gateway needs from any interactive connector (SSH now; others may follow), so a
 * session relays bytes without knowing the protocol behind them.
 */
export type TerminalSize = { cols: number; rows: number };

export type TerminalExit = {
  /** user_exit: the shell exited; target_closed: the connection dropped without an exit status. */
  reason: 'user_exit' | 'target_closed' | 'error';
  message: string;
  exitCode: number | null;
};

export type TerminalHandlers = {
  onData: (chunk: Buffer) => void;
  /** The target accepts input again after write() returned false. */
  onDrain: () => void;
  /** Called once, unless the gateway closed the connection itself. */
  onExit: (exit: TerminalExit) => void;
};

export interface TerminalConnection {
  /** Returns false when the target's buffer is full: wait for onDrain before writing more. */
  write(data: Buffer): boolean;
  resize(size: TerminalSize): void;
  /** Stop reading output (flow control); the target is throttled by the protocol's own window. */
  pause(): void;
  resume(): void;
  /** Ends the connection; onExit is not called after this. */
  close(): void;
}

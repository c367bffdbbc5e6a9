// The pseudo-terminal contract on its own, so the python3 fallback (python-pty.ts) and
// shell-pty.ts, which chooses between it and node-pty, do not import each other.

export type ShellPtyOptions = { file: string; args: string[]; cwd: string; env: Record<string, string>; cols: number; rows: number };

/** A program running in a pseudo-terminal, bytes in and out. */
export interface ShellPty {
  write(data: Buffer): void;
  resize(cols: number, rows: number): void;
  pause(): void;
  resume(): void;
  kill(): void;
  onData(listener: (chunk: Buffer) => void): void;
  onExit(listener: (exitCode: number | null) => void): void;
}

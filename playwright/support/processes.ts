import { spawn } from 'node:child_process';
import fs from 'node:fs';

export type Started = { pid: number; logFile: string; hasExited: () => boolean; exitDescription: () => string };

/**
 * Starts a command in its own process group (so teardown can end it and its children at
 * once) with stdout and stderr appended to a log file; the test runner keeps no handle on it.
 */
export function startProcess(command: string, args: string[], options: { env: NodeJS.ProcessEnv; logFile: string; cwd?: string }): Started {
  const fd = fs.openSync(options.logFile, 'a');
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  let exit: string | undefined;
  child.on('exit', (code, signal) => (exit = signal ? `killed by ${signal}` : `exited with code ${code}`));
  child.on('error', (error) => (exit = `failed to start: ${error.message}`));
  child.unref();
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  return { pid: child.pid, logFile: options.logFile, hasExited: () => exit !== undefined, exitDescription: () => exit ?? 'running' };
}

/** Ends a process group: SIGTERM, then SIGKILL if it is still there after `graceMs`. */
export async function stopProcessGroup(pid: number, graceMs = 5_000): Promise<void> {
  const signalGroup = (signal: NodeJS.Signals | 0) => {
    try {
      process.kill(-pid, signal);
      return true;
    } catch {
      return false; // already gone
    }
  };
  if (!signalGroup('SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!signalGroup(0)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  signalGroup('SIGKILL');
}

/** The last lines of a log file, for error messages. */
export function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Polls `check` until it returns a value, the process exits, or the deadline passes; the
 * error names what was awaited and quotes the end of the process's log.
 */
export async function waitFor<T>(what: string, proc: Started, check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (proc.hasExited()) throw new Error(`${what}: the process ${proc.exitDescription()}. End of ${proc.logFile}:\n${tail(proc.logFile)}`);
    if (Date.now() > deadline) throw new Error(`${what}: not ready after ${timeoutMs / 1000}s. End of ${proc.logFile}:\n${tail(proc.logFile)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

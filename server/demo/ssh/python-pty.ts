import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { ShellPty, ShellPtyOptions } from './shell-pty-types';

const HELPER = path.join(process.cwd(), 'server', 'demo', 'ssh', 'pty-helper.py');

/** The fallback PTY: a small python3 helper (pty-helper.py) that owns the pseudo-terminal. */
export function spawnPythonPty(options: ShellPtyOptions): ShellPty {
  const child = spawn('python3', [HELPER, String(options.cols), String(options.rows), options.file, ...options.args], {
    cwd: options.cwd,
    // Next's typings make NODE_ENV required on ProcessEnv; the shell gets exactly this env.
    env: options.env as unknown as NodeJS.ProcessEnv,
    stdio: ['pipe', 'pipe', 'inherit', 'pipe'],
  });
  const [stdin, stdout, , control] = child.stdio as unknown as [Writable, Readable, null, Writable];
  stdin.on('error', () => undefined);
  control.on('error', () => undefined);
  return {
    write: (data) => stdin.write(data),
    resize: (cols, rows) => control.write(`${cols} ${rows}\n`),
    pause: () => stdout.pause(),
    resume: () => stdout.resume(),
    kill: () => child.kill('SIGHUP'),
    onData: (listener) => stdout.on('data', listener),
    onExit: (listener) => child.on('exit', (code: number | null) => listener(code)),
  };
}

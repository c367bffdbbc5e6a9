import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** A child's first message: ready (with what the parent needs), or why it could not start. */
type ChildReply = { type: string; message?: string };

/**
 * Forks a benchmark's helper server (a TypeScript file, run under tsx) in a process of its own
 * and waits for its first message. `name` says which child failed.
 */
export async function forkTsxChild<Reply extends ChildReply>(file: string, name: string): Promise<{ child: ChildProcess; reply: Reply }> {
  const child = fork(file, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  const reply = await new Promise<Reply>((resolve, reject) => {
    child.once('message', (message: Reply) => resolve(message));
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it was ready`)));
  });
  if (reply.type === 'failed') {
    await stopChild(child);
    throw new Error(`${name} failed: ${reply.message}`);
  }
  return { child, reply };
}

/** Ends a child: SIGTERM, then SIGKILL if it has not exited within 3 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

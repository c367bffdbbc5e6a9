import { fork } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import type { S3Server } from '@/test/harness/s3';
import type { S3ServerChildReply } from './s3-server-child';

/** An S3-protocol server in its own process (s3-server-child.ts); `pid` for its CPU per MB. */
export type S3ServerProcess = S3Server & { pid: number };

export async function startS3Process(): Promise<S3ServerProcess> {
  const child = fork(path.join(__dirname, 's3-server-child.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  const reply = await new Promise<S3ServerChildReply>((resolve, reject) => {
    child.once('message', (message: S3ServerChildReply) => resolve(message));
    child.once('exit', (code) => reject(new Error(`the S3 server's process exited (${code}) before it listened`)));
  });
  if (reply.type === 'failed') throw new Error(`the S3 server's process failed: ${reply.message}`);
  return {
    pid: child.pid ?? -1,
    endpoint: reply.endpoint,
    bucket: reply.bucket,
    directory: reply.directory,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

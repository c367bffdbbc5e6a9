import path from 'node:path';
import type { S3Server } from '@/test/harness/s3';
import { forkTsxChild, stopChild } from './child-processes';
import type { S3ServerChildReply } from './s3-server-child';

/** An S3-protocol server in its own process (s3-server-child.ts); `pid` for its CPU per MB. */
export type S3ServerProcess = S3Server & { pid: number };

export async function startS3Process(): Promise<S3ServerProcess> {
  const { child, reply } = await forkTsxChild<S3ServerChildReply>(path.join(__dirname, 's3-server-child.ts'), "the S3 server's process");
  if (reply.type !== 'ready') throw new Error("the S3 server's process did not start");
  return { pid: child.pid ?? -1, endpoint: reply.endpoint, bucket: reply.bucket, directory: reply.directory, stop: () => stopChild(child) };
}

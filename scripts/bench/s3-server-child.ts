import { startS3 } from '@/test/harness/s3';

/**
 * The benchmark's S3-protocol server (test/harness/s3, s3rver) in a process of its own, as a
 * real bucket is a server of its own: in the benchmark's process every PUT it handles would
 * stall the client that reads and times the output, and its CPU could not be told apart.
 * Parent → child: nothing; child → parent: the server's address.
 */

export type S3ServerChildReply = { type: 'ready'; endpoint: string; bucket: string; directory: string } | { type: 'failed'; message: string };

async function main(): Promise<void> {
  const server = await startS3();
  const stop = () => void server.stop().finally(() => process.exit(0));
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  process.send?.({ type: 'ready', endpoint: server.endpoint, bucket: server.bucket, directory: server.directory } satisfies S3ServerChildReply);
}

if (process.send) {
  main().catch((error: unknown) => {
    process.send?.({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies S3ServerChildReply);
    process.exit(1);
  });
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

/** The access key s3rver accepts (it checks signatures against this fixed pair). */
export const S3_TEST_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export type S3Server = { endpoint: string; bucket: string; directory: string; stop(): Promise<void> };

/**
 * A real S3-protocol server (s3rver) on 127.0.0.1 at a port the kernel picks, keeping its
 * objects in a temporary directory, with one empty bucket. It speaks path-style requests
 * and does not implement Object Lock or legal holds (those are tested at the request level).
 */
export async function startS3(bucket = 'porthole-recordings'): Promise<S3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    directory,
    async stop() {
      // The SDK keeps connections alive; close() alone would wait for them to time out.
      server.httpServer?.closeAllConnections();
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

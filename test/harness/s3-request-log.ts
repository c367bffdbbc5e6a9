import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type S3Request = { method: string; key: string; query: URLSearchParams; headers: http.IncomingHttpHeaders; body: string };

export type S3RequestLog = {
  endpoint: string;
  bucket: string;
  requests: S3Request[];
  /** The Object Lock mode the bucket answers with, or null for "no Object Lock configuration". */
  lockMode: 'GOVERNANCE' | 'COMPLIANCE' | null;
  stop(): Promise<void>;
};

/**
 * A stand-in S3 endpoint on 127.0.0.1 that records every request and says yes to writes, for
 * what s3rver does not implement: Object Lock headers and legal holds, checked as requests.
 */
export async function startS3RequestLog(bucket = 'locked-recordings'): Promise<S3RequestLog> {
  const log: S3RequestLog = { endpoint: '', bucket, requests: [], lockMode: 'COMPLIANCE', stop: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const key = decodeURIComponent(url.pathname.replace(`/${bucket}`, '').replace(/^\//, ''));
      log.requests.push({ method: req.method ?? '', key, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (req.method === 'GET' && url.searchParams.has('object-lock')) return answerLockConfiguration(res, log.lockMode);
      res.writeHead(200, { ETag: '"0"', 'Content-Length': '0' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  log.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  log.stop = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return log;
}

function answerLockConfiguration(res: http.ServerResponse, mode: S3RequestLog['lockMode']): void {
  if (!mode) {
    const body = '<Error><Code>ObjectLockConfigurationNotFoundError</Code><Message>no Object Lock configuration</Message></Error>';
    res.writeHead(404, { 'Content-Type': 'application/xml' }).end(body);
    return;
  }
  res
    .writeHead(200, { 'Content-Type': 'application/xml' })
    .end(
      `<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention><Mode>${mode}</Mode><Days>1</Days></DefaultRetention></Rule></ObjectLockConfiguration>`,
    );
}

import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the upstream saw of one request. */
export type ReceivedRequest = { method: string; url: string; headers: http.IncomingHttpHeaders; bodySize: number; sha256: string };

export type TestUpstream = {
  base: string;
  received: ReceivedRequest[];
  /** Lets every /stream waiting so far send the rest of its answer. */
  release(): void;
  close(): Promise<void>;
};

function answer(req: http.IncomingMessage, res: http.ServerResponse, body: { size: number; sha256: string }, held: (() => void)[]): void {
  const json = (status: number, value: unknown, headers: http.OutgoingHttpHeaders = {}): void =>
    void res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(value));
  const path = (req.url ?? '/').split('?', 1)[0];
  // Echoes the credential it got, as a debugging endpoint would: Porthole must not pass it back.
  if (path === '/echo')
    return json(
      200,
      { method: req.method, url: req.url, authorization: req.headers.authorization ?? null },
      { 'x-echo-auth': req.headers.authorization ?? '' },
    );
  if (path === '/upload') return json(200, body);
  if (path === '/stream') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('first part\n');
    held.push(() => res.end('second part\n'));
    return;
  }
  // A redirect to wherever `to` says (the proxy must point it back through itself when it stays under the base URL).
  if (path?.endsWith('/redirect')) return void res.writeHead(302, { location: new URL(req.url ?? '/', 'http://x').searchParams.get('to') ?? '/' }).end();
  if (path === '/cookie') return json(200, { ok: true }, { 'set-cookie': 'next-auth.session-token=evil; Path=/' });
  json(404, { error: 'no such route' });
}

/**
 * A real node http server as an HTTP API resource's upstream: it refuses any request without
 * the credential Porthole must inject (`Bearer <credential>`), and keeps what it received.
 */
export async function startTestUpstream(credential: string): Promise<TestUpstream> {
  const received: ReceivedRequest[] = [];
  const held: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    const hash = createHash('sha256');
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      hash.update(chunk);
    });
    req.on('end', () => {
      const body = { size, sha256: hash.digest('hex') };
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, bodySize: size, sha256: body.sha256 });
      if (req.headers.authorization !== `Bearer ${credential}`) return res.writeHead(401).end('missing credential');
      answer(req, res, body, held);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    received,
    release: () => {
      for (const finish of held.splice(0)) finish();
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** What the upstream saw of each request, for asserting on what Porthole sent (never on what it showed). */
export type SeenRequest = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };

export type TestUpstream = { url: string; seen: SeenRequest[]; close(): Promise<void> };

export const LARGE_BODY_BYTES = 5 * 1024 * 1024;

/**
 * The routes of a small internal API: `/v1/echo` answers with the request as JSON (so an
 * upstream that echoes the credential back is tested), `/v1/login` with secrets in JSON keys,
 * `/v1/chunked` in chunks, `/v1/large` 5 MiB, `/v1/slow` never, `/v1/redirect` to another host.
 */
function handler(seen: SeenRequest[]): http.RequestListener {
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const url = new URL(req.url ?? '/', 'http://upstream');
      switch (url.pathname) {
        case '/v1/echo':
          res.writeHead(200, { 'content-type': 'application/json' });
          return res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
        case '/v1/login':
          res.writeHead(201, 'Created', { 'content-type': 'application/json', 'set-cookie': 'sid=abc123; HttpOnly' });
          return res.end(JSON.stringify({ user: 'ann', password: 'hunter2', session: { token: 'tok-abc' } }));
        case '/v1/chunked': {
          res.writeHead(200, { 'content-type': 'text/plain' });
          let i = 0;
          const timer = setInterval(() => {
            res.write(`chunk ${i}\n`);
            if (++i === 5) {
              clearInterval(timer);
              res.end();
            }
          }, 10);
          return;
        }
        case '/v1/large':
          res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(LARGE_BODY_BYTES) });
          return res.end(Buffer.alloc(LARGE_BODY_BYTES, 'x'));
        case '/v1/slow':
          return; // never answers
        case '/v1/redirect':
          res.writeHead(302, { location: 'http://other.example.test/steal' });
          return res.end();
        default:
          res.writeHead(404, { 'content-type': 'text/plain' });
          return res.end('not found');
      }
    });
  };
}

async function listen(server: http.Server, seen: SeenRequest[], scheme: 'http' | 'https'): Promise<TestUpstream> {
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    seen,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function startHttpUpstream(): Promise<TestUpstream> {
  const seen: SeenRequest[] = [];
  return listen(http.createServer(handler(seen)), seen, 'http');
}

/** A throwaway self-signed certificate for 127.0.0.1 (openssl CLI); `cert` doubles as the CA. */
export function makeCertificate(): { key: string; cert: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-http-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        'key.pem',
        '-out',
        'cert.pem',
      ],
      { cwd: dir, stdio: 'ignore' },
    );
    return { key: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function startHttpsUpstream(certificate: { key: string; cert: string }): Promise<TestUpstream> {
  const seen: SeenRequest[] = [];
  return listen(https.createServer(certificate, handler(seen)), seen, 'https');
}

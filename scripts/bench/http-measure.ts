import http from 'node:http';

/** The requests bench:http times, identical for every contender: only the URL base differs. */

export const MiB = 1024 * 1024;
const PAYLOAD = Buffer.alloc(MiB, 'porthole bench payload. ');

/** Where a contender sends its requests, the header that lets it through, and the process whose CPU it costs (the proxy's). */
export type Contender = { name: string; base: string; headers: Record<string, string>; cpuPid?: number };

/** One keep-alive connection per contender, as curl in a loop or a script's client would reuse it. */
const agents = new Map<string, http.Agent>();
function agentFor(contender: Contender): http.Agent {
  let agent = agents.get(contender.name);
  if (!agent) {
    agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    agents.set(contender.name, agent);
  }
  return agent;
}

export function closeAgents(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}

/** Sends one request and reads the whole answer; resolves with the status and the bytes read. */
function send(contender: Contender, method: string, path: string, body?: Buffer, timeoutMs = 30_000): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${contender.base}${path}`);
    const headers = { ...contender.headers, ...(body ? { 'content-type': 'application/octet-stream', 'content-length': String(body.length) } : {}) };
    const req = http.request(url, { method, headers, agent: agentFor(contender) }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

async function expectOk(promise: Promise<{ status: number; bytes: number }>, what: string): Promise<number> {
  const { status, bytes } = await promise;
  if (status !== 200) throw new Error(`${what} answered ${status}`);
  return bytes;
}

/** Sequential small GETs (a 2-byte answer): each one's time from send to the answer's end, in ms. */
export async function smallRequestLatencies(contender: Contender, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    await expectOk(send(contender, 'GET', `/small?i=${i}`), 'GET /small');
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return samples;
}

/** `count` sequential 1 MiB downloads (GET) or uploads (POST), in MB/s over the whole batch. */
export async function mibThroughput(contender: Contender, direction: 'download' | 'upload', count: number): Promise<number> {
  const started = process.hrtime.bigint();
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    if (direction === 'download') bytes += await expectOk(send(contender, 'GET', '/mib'), 'GET /mib');
    else {
      await expectOk(send(contender, 'POST', '/sink', PAYLOAD), 'POST /sink');
      bytes += PAYLOAD.length;
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return bytes / 1e6 / seconds;
}

/**
 * The upstream both contenders reach: `/small` answers `ok`, `/mib` 1 MiB, `/sink` reads the
 * body and answers `ok`. The direct contender talks to it with the same Authorization the
 * proxy injects, so both requests carry the same headers to it.
 */
export async function startUpstream(token: string): Promise<{ base: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.headers.authorization !== `Bearer ${token}`) return res.writeHead(401).end();
    if (req.url?.startsWith('/small')) return res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' }).end('ok');
    if (req.url === '/mib') return res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(MiB) }).end(PAYLOAD);
    if (req.url === '/sink') {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' }).end('ok'));
      return;
    }
    res.writeHead(404).end();
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { auditEvents } from '@/db/schema';
import { describeEachDriver } from '@/test/db-drivers';
import { UPGRADE_REFUSED } from './refuse-proxy-upgrade';
import { CREDENTIAL, endedSession, httpResource, proxySuite, recordedSession, sessionsOf, userWithToken } from './testing/proxy-suite';

const MiB = 1024 * 1024;
const suite = proxySuite({ idleMs: 400 });

/** `size` bytes in 64 KiB chunks, produced as they are read (never one buffer). */
function streamedBody(size: number): { stream: Readable; sha256: string } {
  const chunk = Buffer.alloc(64 * 1024, 'streamed upload 0123456789 ');
  const hash = createHash('sha256');
  for (let sent = 0; sent < size; sent += chunk.length) hash.update(chunk.subarray(0, Math.min(chunk.length, size - sent)));
  let sent = 0;
  const stream = new Readable({
    read() {
      if (sent >= size) return void this.push(null);
      const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
      sent += part.length;
      this.push(part);
    },
  });
  return { stream, sha256: hash.digest('hex') };
}

describeEachDriver('HTTP proxy: relaying', () => {
  it('relays a GET with the injected credential, which the client and the recording never see', async () => {
    const resource = await httpResource(suite.upstream().base);
    const { user, token } = await userWithToken();
    const response = await fetch(suite.url(resource.id, '/echo?q=1'), { headers: { authorization: `Bearer ${token}`, 'x-trace': 'abc' } });
    const text = await response.text();

    expect(response.status).toBe(200);
    const seen = suite.upstream().received.at(-1)!;
    expect(seen.url).toBe('/echo?q=1');
    expect(seen.headers.authorization).toBe(`Bearer ${CREDENTIAL}`);
    expect(seen.headers['x-trace']).toBe('abc');
    expect(JSON.stringify(seen.headers)).not.toContain(token);
    // The upstream echoed it in its body and a header: starred on the way back.
    expect(JSON.parse(text)).toMatchObject({ method: 'GET', authorization: '*'.repeat(`Bearer ${CREDENTIAL}`.length) });
    expect(text).not.toContain(CREDENTIAL);
    expect(response.headers.get('x-echo-auth')).not.toContain(CREDENTIAL);
    expect(response.headers.get('content-security-policy')).toContain('sandbox');

    const [session] = await sessionsOf(user.id);
    const ended = await endedSession(session!.id);
    expect(ended).toMatchObject({ resourceType: 'http', isAutomated: true, endReason: 'user_exit' });
    const audited = await db().select().from(auditEvents).where(eq(auditEvents.targetId, session!.id));
    expect(audited.map((event) => event.action)).toEqual(expect.arrayContaining(['session.create', 'session.start', 'session.end']));
    const recording = await recordedSession(session!.id);
    expect(recording.exchanges).toHaveLength(1);
    expect(recording.exchanges[0]).toMatchObject({ request: { method: 'GET' }, response: { status: 200 } });
    expect(recording.text).not.toContain(CREDENTIAL);
    expect(recording.text).not.toContain(token);
  });

  it('streams a 5 MiB request body to the upstream and records its size and hash', async () => {
    const resource = await httpResource(suite.upstream().base);
    const { user, token } = await userWithToken();
    const { stream, sha256 } = streamedBody(5 * MiB);
    const response = await fetch(suite.url(resource.id, '/upload'), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: Readable.toWeb(stream) as ReadableStream,
      duplex: 'half',
    } as RequestInit);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ size: 5 * MiB, sha256 });
    const [session] = await sessionsOf(user.id);
    await endedSession(session!.id);
    const [exchange] = (await recordedSession(session!.id)).exchanges;
    expect(exchange?.request).toMatchObject({ method: 'POST', bodySize: 5 * MiB, truncated: true, bodySha256: sha256 });
    expect(exchange?.request.body.length).toBeLessThanOrEqual(MiB);
  });

  it('passes a declared Content-Length on with the streamed upload (not chunked); an upload without one stays chunked', async () => {
    const resource = await httpResource(suite.upstream().base);
    const { token } = await userWithToken();
    const upload = Buffer.alloc(300 * 1024, 'sized upload ');
    const sized = await fetch(suite.url(resource.id, '/upload'), { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: upload });
    expect(await sized.json()).toMatchObject({ size: upload.length });
    const sizedSeen = suite.upstream().received.at(-1)!;
    expect(sizedSeen.headers['content-length']).toBe(String(upload.length));
    expect(sizedSeen.headers['transfer-encoding']).toBeUndefined();

    const { stream } = streamedBody(100 * 1024);
    const chunked = await fetch(suite.url(resource.id, '/upload'), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: Readable.toWeb(stream) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    expect(await chunked.json()).toMatchObject({ size: 100 * 1024 });
    const chunkedSeen = suite.upstream().received.at(-1)!;
    expect(chunkedSeen.headers['transfer-encoding']).toBe('chunked');
    expect(chunkedSeen.headers['content-length']).toBeUndefined();
  });

  it('points a redirect under the base URL back through the proxy, and leaves one elsewhere as it is', async () => {
    const { base } = suite.upstream();
    const resource = await httpResource(`${base}/api`);
    const { token } = await userWithToken();
    const locationFor = async (to: string) => {
      const response = await fetch(suite.url(resource.id, `/redirect?to=${encodeURIComponent(to)}`), {
        headers: { authorization: `Bearer ${token}` },
        redirect: 'manual',
      });
      expect(response.status).toBe(302);
      return response.headers.get('location');
    };
    const proxied = `/proxy/${resource.id}`;
    expect(await locationFor(`${base}/api/v2/items?page=2`)).toBe(`${proxied}/v2/items?page=2`);
    expect(await locationFor('/api/next')).toBe(`${proxied}/next`);
    expect(await locationFor('sibling')).toBe(`${proxied}/sibling`);
    expect(await locationFor('https://elsewhere.example/login')).toBe('https://elsewhere.example/login');
    expect(await locationFor('/outside/the/base')).toBe('/outside/the/base');
  });

  it('streams a chunked response: the first bytes arrive before the upstream has finished', async () => {
    const resource = await httpResource(suite.upstream().base);
    const { token } = await userWithToken();
    const response = await fetch(suite.url(resource.id, '/stream'), { headers: { authorization: `Bearer ${token}` } });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(Buffer.from(first.value!).toString()).toBe('first part\n');
    // Only now may the upstream finish: had the proxy buffered, the read above would never have returned.
    suite.upstream().release();
    let rest = '';
    for (let part = await reader.read(); !part.done; part = await reader.read()) rest += Buffer.from(part.value).toString();
    expect(rest).toBe('second part\n');
  });

  it('keeps the upstream from setting cookies on Porthole and refuses a WebSocket upgrade with a clear message', async () => {
    const resource = await httpResource(suite.upstream().base);
    const { token } = await userWithToken();
    const response = await fetch(suite.url(resource.id, '/cookie'), { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toBeNull();

    const hitsBefore = suite.upstream().received.length;
    const refusal = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(suite.url(resource.id, '/socket'), {
        headers: {
          authorization: `Bearer ${token}`,
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('upgrade', () => reject(new Error('the upgrade went through')));
      req.on('error', reject);
      req.end();
    });
    expect(refusal).toEqual({ status: 501, body: UPGRADE_REFUSED });
    expect(suite.upstream().received.length).toBe(hitsBefore);
  });

  it('relays for a resource with recording off, which keeps a session row and no recording', async () => {
    const resource = await httpResource(suite.upstream().base, { recording: 'off' });
    const { user, token } = await userWithToken();
    const response = await fetch(suite.url(resource.id, '/echo'), { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain(CREDENTIAL);
    const [session] = await sessionsOf(user.id);
    expect(await endedSession(session!.id)).toMatchObject({ isRecorded: false, endReason: 'user_exit' });
    expect(await db().select().from(recordings).where(eq(recordings.id, session!.id))).toEqual([]);
  });

  it.runIf(fs.existsSync('/usr/bin/curl'))('works from the real curl binary', async () => {
    const resource = await httpResource(suite.upstream().base);
    const { token } = await userWithToken();
    const { stdout } = await promisify(execFile)('/usr/bin/curl', [
      '--silent',
      '--show-error',
      '--fail-with-body',
      '-X',
      'PUT',
      '-H',
      `Authorization: Bearer ${token}`,
      '--data-binary',
      'hello from curl',
      suite.url(resource.id, '/upload'),
    ]);
    expect(JSON.parse(stdout)).toEqual({ size: 15, sha256: createHash('sha256').update('hello from curl').digest('hex') });
    expect(suite.upstream().received.at(-1)).toMatchObject({ method: 'PUT', url: '/upload' });
  });
});

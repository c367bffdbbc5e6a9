import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setDb, type DbHandle } from '@/db/client';
import { env } from '@/server/env';
import { exportRecording } from '@/server/recording/export-recording';
import { getRecording } from '@/server/recording/get-recording';
import { createSession } from '@/server/sessions/create-session';
import { openTestDb, truncateAll } from '@/test/db-drivers';
import { makeResource, makeUser } from '@/test/factories';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { connectHttpConsole } from '@/test/harness/http/console-client';
import { startHttpUpstream, type TestUpstream } from '@/test/harness/http/upstream';

/**
 * An HTTP console's recording as the replay page and the export describe it: counted in
 * exchanges and failed ones, exported as JSON of the exchanges (masked, the injected
 * credential absent), terminal formats refused.
 */
const CREDENTIAL = 'porthole-export-credential-7c1d';

let gateway: TestGateway;
let handle: DbHandle | undefined;
let upstream: TestUpstream;

beforeAll(async () => {
  gateway = await startTestGateway();
  handle = await openTestDb('pglite');
  setDb(handle);
  upstream = await startHttpUpstream();
}, 60_000);

afterAll(async () => {
  await upstream.close();
  await gateway.close();
  setDb(undefined);
  await handle?.close();
});

beforeEach(async () => {
  setDb(handle);
  await truncateAll(handle!.db);
});

afterEach(() => gateway.idle());

async function recordedSession() {
  const resource = await makeResource({
    type: 'http',
    name: 'billing-api',
    baseUrl: `${upstream.url}/v1`,
    auth: { kind: 'bearer' },
    credential: CREDENTIAL,
    tls: { mode: 'disable' },
  });
  const { actor } = await makeUser();
  const created = await createSession({ actor, input: { resourceId: resource.id } });
  const client = await connectHttpConsole(gateway.localUrl(created.wsUrl), env().publicUrl);
  await client.waitFor('status', (m) => m.state === 'connected');
  expect((await client.send('x1', { method: 'POST', path: '/echo', body: '{"hello":"world"}', headers: [['content-type', 'application/json']] })).type).toBe(
    'exchange',
  );
  expect((await client.send('x2', { path: '/no-such-route' })).type).toBe('exchange');
  client.ws.close();
  await client.closed;
  await gateway.idle();
  await expect.poll(async () => (await getRecording({ actor, recordingId: created.id })).status, { timeout: 10_000 }).toBe('complete');
  return { actor, recordingId: created.id };
}

describe('HTTP recordings', () => {
  it('are counted in exchanges and errors, and export as JSON of the masked exchanges', async () => {
    const { actor, recordingId } = await recordedSession();
    const recording = await getRecording({ actor, recordingId });
    expect(recording).toMatchObject({ kind: 'http', http: { exchanges: 2, errors: 1 }, sql: null });

    const file = await exportRecording({ actor, recordingId, format: 'json' });
    expect(file).toMatchObject({ contentType: 'application/json', filename: expect.stringMatching(/^billing-api-.*\.json$/) });
    const text = await new Response(file.body).text();
    expect(text).not.toContain(CREDENTIAL);
    const document = JSON.parse(text) as { format: string; exchanges: { request: { method: string; url: string }; response: { status: number } | null }[] };
    expect(document.format).toBe('porthole-http-recording');
    expect(document.exchanges.map((e) => `${e.request.method} ${e.request.url} ${e.response?.status}`)).toEqual(['POST /echo 200', 'GET /no-such-route 404']);
  });

  it('refuses terminal formats, saying what the recording is', async () => {
    const { actor, recordingId } = await recordedSession();
    await expect(exportRecording({ actor, recordingId, format: 'asciicast' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      userMessage: expect.stringContaining('an HTTP console session'),
    });
    expect((await exportRecording({ actor, recordingId })).filename).toMatch(/\.json$/);
  });
});

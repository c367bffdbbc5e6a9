import { createPublicKey, verify } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { db } from '@/db/client';
import { sessions } from '@/db/schema';
import { recordingSignatures, signingKeys } from '@/db/signing-schema';
import { env } from '@/server/env';
import { confirmHostKey } from '@/server/resources/confirm-host-key';
import { createSession } from '@/server/sessions/create-session';
import { SqlRecorder } from '@/server/sql/sql-recorder';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { actorOf, makeAdmin, makeResource, makeUser, sshResource } from '@/test/factories';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import { connectTerminal } from '@/test/harness/terminal-client';
import { drainIndexing } from '../index-queue';
import { RecordingLog } from '../recording-log';
import { recoverRecordingsAtStartup } from '../recover-recordings';
import { recordingStore } from '../stores/select-store';
import { downloadBundle, recordingRows, runVerifier } from './testing/bundles';

let sshd: Sshd;
let gateway: TestGateway;
beforeAll(async () => {
  [sshd, gateway] = await Promise.all([startSshd(), startTestGateway()]);
});
afterAll(async () => {
  await Promise.all([sshd?.stop(), gateway?.close()]);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The recording's signature once its seal path has written it. */
async function signatureOf(id: string) {
  for (let i = 0; i < 200; i++) {
    const [row] = await db()
      .select({ signature: recordingSignatures, publicKeyPem: signingKeys.publicKeyPem })
      .from(recordingSignatures)
      .innerJoin(signingKeys, eq(signingKeys.keyId, recordingSignatures.keyId))
      .where(eq(recordingSignatures.recordingId, id));
    if (row) return row;
    await sleep(25);
  }
  throw new Error(`recording ${id} was never signed`);
}

/** The stored signature checks out against the stored key, over a manifest naming this recording. */
async function expectSigned(id: string, chunkCount: number) {
  const { signature, publicKeyPem } = await signatureOf(id);
  expect(verify(null, Buffer.from(signature.manifest), createPublicKey(publicKeyPem), Buffer.from(signature.signature, 'base64'))).toBe(true);
  expect(JSON.parse(signature.manifest)).toMatchObject({ recordingId: id, chunkCount });
}

describeEachDriver('signing at seal', (driver) => {
  const store = driver === 'pglite' ? 'file' : 'postgres';
  beforeEach(() => setTestEnv({ PORTHOLE_RECORDING_STORE: store }));
  afterEach(async () => {
    await gateway.idle();
    // The indexer must finish before the next test empties the tables under it.
    await drainIndexing();
  });

  it(`signs a terminal recording when its session ends; its bundle verifies [${store} store]`, async () => {
    const resource = await makeResource(sshResource({ host: sshd.host, port: sshd.port, username: sshd.username, password: sshd.password }));
    await confirmHostKey({ actor: (await makeAdmin()).actor, resourceId: resource.id, input: { fingerprint: sshd.hostKeyFingerprint } });
    const { user } = await makeUser();
    const actor = await actorOf(user.id);
    const created = await createSession({ actor, input: { resourceId: resource.id } });
    let text = '';
    const term = await connectTerminal(`${gateway.localUrl(created.wsUrl)}&cols=80&rows=24`, {
      origin: env().publicUrl,
      onOutput: (chunk) => (text += chunk.toString()),
    });
    term.type('echo signed-$((6*7))\n');
    for (let i = 0; i < 400 && !text.includes('signed-42'); i++) await sleep(25);
    term.type('exit\n');
    await term.closed;
    await expectSigned(created.id, 1);
    const result = await runVerifier(await downloadBundle(actor, created.id));
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(/^OK: 1 chunks, signed by /);
  });

  it(`signs a SQL console recording when it finishes [${store} store]`, async () => {
    const { user, actor } = await makeUser();
    const [session] = await db()
      .insert(sessions)
      .values({ userId: user.id, resourceName: 'pg', resourceType: 'postgres', status: 'active', startedAt: sql`now()` })
      .returning();
    const recorder = await SqlRecorder.open({ sessionId: session!.id, userId: user.id, onFailure: () => undefined, onBehind: () => undefined });
    recorder.record({ sql: 'run', id: 'r1', script: 'select 1', editor: 'select 1' });
    await recorder.finish({ reason: 'user_exit', message: 'Closed', exitCode: 0 });
    await expectSigned(session!.id, 1);
    expect((await runVerifier(await downloadBundle(actor, session!.id))).code).toBe(0);
  });

  it(`signs a recording recovered after a crash, over what survived [${store} store]`, async () => {
    const { actor } = await makeUser();
    // The file store's recordings are recovered at start-up; they belong to this node.
    const id = await recordingRows(actor, 'file', 'active');
    const writer = await recordingStore('file').create(id, () => undefined);
    const log = new RecordingLog({ recordingId: id, writer, chunkBytes: 1024, onError: () => undefined });
    for (let i = 0; i < 5; i++) log.append('o', Buffer.from(`line ${i} ${'y'.repeat(600)}\r\n`));
    await sleep(200);
    await writer.flushed();
    log.abandon();
    expect(await recoverRecordingsAtStartup()).toBe(1);
    const { signature } = await signatureOf(id);
    const chunkCount = (JSON.parse(signature.manifest) as { chunkCount: number }).chunkCount;
    expect(chunkCount).toBeGreaterThanOrEqual(3);
    await expectSigned(id, chunkCount);
    const result = await runVerifier(await downloadBundle(actor, id));
    expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(new RegExp(`^OK: ${chunkCount} chunks`)) as unknown });
  });
});

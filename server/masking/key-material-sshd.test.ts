import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { db } from '@/db/client';
import { maskingRuleOverrides } from '@/db/masking-schema';
import { recordings } from '@/db/recording-schema';
import { env } from '@/server/env';
import { exportRecording } from '@/server/recording/export-recording';
import { getRecording } from '@/server/recording/get-recording';
import { scheduleIndexing } from '@/server/recording/index-queue';
import { iterateEvents } from '@/server/recording/read-events';
import { confirmHostKey } from '@/server/resources/confirm-host-key';
import { createSession } from '@/server/sessions/create-session';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { actorOf, makeAdmin, makeResource, makeUser, sshResource } from '@/test/factories';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import { connectTerminal } from '@/test/harness/terminal-client';

/** A private key made for this run: its body lines, printed without the BEGIN line, must never be stored. */
const PEM = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const BODY = PEM.trimEnd().split('\n').slice(1, -1);
const KEY_RULES = ['key-material', 'high-entropy-value'];

let sshd: Sshd;
let gateway: TestGateway;
let keyPath: string;
beforeAll(async () => {
  [sshd, gateway] = await Promise.all([startSshd(), startTestGateway()]);
  keyPath = path.join(os.tmpdir(), `porthole-key-material-${process.pid}.pem`);
  fs.writeFileSync(keyPath, PEM, { mode: 0o644 });
});
afterAll(async () => {
  fs.rmSync(keyPath, { force: true });
  await Promise.all([sshd?.stop(), gateway?.close()]);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function recordedOutput(id: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const [row] = await db().select().from(recordings).where(eq(recordings.id, id));
    if (row?.status === 'complete') {
      const chunks: Buffer[] = [];
      for await (const event of iterateEvents(row)) if (event.kind === 'o') chunks.push(event.data);
      return Buffer.concat(chunks).toString('utf8');
    }
    await sleep(25);
  }
  throw new Error(`recording ${id} never completed`);
}

function expectNoBodyLine(text: string, where: string): void {
  for (const line of BODY) expect(text, `${where} contains ${line}`).not.toContain(line);
}

describeEachDriver('key material printed without its BEGIN line, through real sshd', (driver) => {
  const store = driver === 'pglite' ? 'file' : 'postgres';
  beforeEach(async () => {
    setTestEnv({ PORTHOLE_RECORDING_STORE: store });
    // The detectors are off by default (see rules/key-material.ts): an admin turns them on.
    await db()
      .insert(maskingRuleOverrides)
      .values(KEY_RULES.map((ruleId) => ({ ruleId, enabled: true })))
      .onConflictDoUpdate({ target: maskingRuleOverrides.ruleId, set: { enabled: true } });
  });
  afterEach(async () => {
    await gateway.idle();
    await db().delete(maskingRuleOverrides).where(inArray(maskingRuleOverrides.ruleId, KEY_RULES));
  });

  it(`tail -n +2 key.pem: no body line in the recording, the command index or any export [${store} store]`, async () => {
    const resource = await makeResource(sshResource({ host: sshd.host, port: sshd.port, username: sshd.username, password: sshd.password }));
    const admin = await makeAdmin();
    await confirmHostKey({ actor: admin.actor, resourceId: resource.id, input: { fingerprint: sshd.hostKeyFingerprint } });
    const { user } = await makeUser();
    const created = await createSession({ actor: await actorOf(user.id), input: { resourceId: resource.id } });
    const term = await connectTerminal(`${gateway.localUrl(created.wsUrl)}&cols=200&rows=50`, { origin: env().publicUrl });
    await term.waitFor(/\$ $/);
    // A person's pause at the prompt: the command index reads the prompt there.
    await sleep(300);
    term.type(`tail -n +2 ${keyPath}; echo key-done-$((6*7))\n`);
    await term.waitFor(/key-done-42/);
    term.type('exit\n');
    await term.closed;

    const recorded = await recordedOutput(created.id);
    expect(recorded).toContain('[MASKED:key-material]');
    expect(recorded).toContain('key-done-42');
    expectNoBodyLine(recorded, 'recording');
    await scheduleIndexing(created.id);
    const detail = await getRecording({ actor: admin.actor, recordingId: created.id });
    expect(detail.commands.map((c) => c.text)).toContain(`tail -n +2 ${keyPath}; echo key-done-$((6*7))`);
    expectNoBodyLine(JSON.stringify(detail), 'command index');
    const exports = [{ format: 'asciicast' }, { format: 'json' }, { format: 'text', mode: 'transcript' }, { format: 'text', mode: 'screen' }] as const;
    for (const options of exports) {
      const exported = await exportRecording({ actor: admin.actor, recordingId: created.id, ...options });
      expectNoBodyLine(await new Response(exported.body).text(), `${options.format} export`);
    }
  });
});

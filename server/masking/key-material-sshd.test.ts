import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { db } from '@/db/client';
import { maskingRuleOverrides } from '@/db/masking-schema';
import { exportRecording } from '@/server/recording/export-recording';
import { getRecording } from '@/server/recording/get-recording';
import { scheduleIndexing } from '@/server/recording/index-queue';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import { recordedStreams } from '@/test/recording-rows';
import { openSshTerminal } from '@/test/ssh-terminal';

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
    const { admin, sessionId, term } = await openSshTerminal(sshd, gateway);
    // A person's pause at the prompt: the command index reads the prompt there.
    await sleep(300);
    term.type(`tail -n +2 ${keyPath}; echo key-done-$((6*7))\n`);
    await term.waitFor(/key-done-42/);
    term.type('exit\n');
    await term.closed;

    const recorded = Buffer.from((await recordedStreams(sessionId)).output, 'latin1').toString('utf8');
    expect(recorded).toContain('[MASKED:key-material]');
    expect(recorded).toContain('key-done-42');
    expectNoBodyLine(recorded, 'recording');
    await scheduleIndexing(sessionId);
    const detail = await getRecording({ actor: admin.actor, recordingId: sessionId });
    expect(detail.commands.map((c) => c.text)).toContain(`tail -n +2 ${keyPath}; echo key-done-$((6*7))`);
    expectNoBodyLine(JSON.stringify(detail), 'command index');
    const exports = [{ format: 'asciicast' }, { format: 'json' }, { format: 'text', mode: 'transcript' }, { format: 'text', mode: 'screen' }] as const;
    for (const options of exports) {
      const exported = await exportRecording({ actor: admin.actor, recordingId: sessionId, ...options });
      expectNoBodyLine(await new Response(exported.body).text(), `${options.format} export`);
    }
  });
});

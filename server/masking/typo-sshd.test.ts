import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { exportRecording } from '@/server/recording/export-recording';
import { getRecording } from '@/server/recording/get-recording';
import { scheduleIndexing } from '@/server/recording/index-queue';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import type { TerminalClient } from '@/test/harness/terminal-client';
import { recordedStreams } from '@/test/recording-rows';
import { openSshTerminal } from '@/test/ssh-terminal';

/**
 * A key typed by hand with typos corrected by Backspace, through bash's readline on a real sshd:
 * readline echoes each Backspace as BS SP BS (or BS and erase-line), so the key never appears as
 * one run of bytes in the output, and the typed input holds the typos and DELs between its
 * characters. The recorded input is masked as the line editor reads it; the screen shows the key
 * whole, so the command index and the screen export are painted over.
 */
const KEY = 'AKIAIOSFODNN7EXAMPLE';
/** Typed: AKIAIOSFOD-⌫NN7EXA.x⌫⌫MPLE (a typo in the middle, two near the end). */
const KEYSTROKES = [...'AKIAIOSFOD-', '\x7f', ...'NN7EXA.x', '\x7f', '\x7f', ...'MPLE'];

let sshd: Sshd;
let gateway: TestGateway;
beforeAll(async () => {
  [sshd, gateway] = await Promise.all([startSshd(), startTestGateway()]);
});
afterAll(async () => {
  await Promise.all([sshd?.stop(), gateway?.close()]);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** As a person types: one key at a time, the echo seen before the next. */
async function typeByHand(term: TerminalClient, keys: string[]): Promise<void> {
  for (const key of keys) {
    term.type(key);
    await sleep(40);
  }
}

describeEachDriver('a key typed with typos corrected, through real sshd and bash', (driver) => {
  const store = driver === 'pglite' ? 'file' : 'postgres';
  afterEach(async () => {
    await gateway.idle();
  });

  it(`stores the key in neither the output, the input, the command index nor any export [${store} store]`, async () => {
    setTestEnv({ PORTHOLE_RECORDING_STORE: store });
    const { admin, sessionId, term } = await openSshTerminal(sshd, gateway);
    await sleep(300);
    await typeByHand(term, [...'echo key=', ...KEYSTROKES, ...' typed-done']);
    term.type('\r');
    await term.waitFor(/key=\[MASKED:aws-key\] typed-done/);
    // Typed whole, then its last character deleted and typed again.
    await typeByHand(term, [...`echo again=${KEY}`, '\x7f', 'E', ...' done2']);
    term.type('\r');
    await term.waitFor(/again=\[MASKED:aws-key\] done2/);
    term.type('exit\r');
    await term.closed;

    const { output, input } = await recordedStreams(sessionId);
    // What bash printed back is the key, so the output says so; the echo of the typing is masked too.
    expect(output).toContain('key=[MASKED:aws-key] typed-done');
    expect(input).toContain('echo key=[MASKED:aws-key] typed-done');
    expect(input).toContain('echo again=[MASKED:aws-key]');
    expect(output).not.toContain(KEY);
    expect(input).not.toContain(KEY);
    // The typed input holds neither the key nor its characters in order with the typos and Deletes left out.
    expect(input.replace(/.\x7f/g, '')).not.toContain('NN7EXA');
    await scheduleIndexing(sessionId);
    const detail = await getRecording({ actor: admin.actor, recordingId: sessionId });
    expect(JSON.stringify(detail)).not.toContain(KEY);
    for (const options of [{ format: 'asciicast' }, { format: 'json' }, { format: 'text', mode: 'transcript' }, { format: 'text', mode: 'screen' }] as const) {
      const exported = await new Response((await exportRecording({ actor: admin.actor, recordingId: sessionId, ...options })).body).text();
      expect(exported, `${options.format} export`).not.toContain(KEY);
    }
  });
});

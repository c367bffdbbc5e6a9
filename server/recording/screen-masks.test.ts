import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Terminal } from '@xterm/headless';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { db } from '@/db/client';
import { recordings, recordingScreenMasks } from '@/db/recording-schema';
import { env } from '@/server/env';
import { confirmHostKey } from '@/server/resources/confirm-host-key';
import { createSession } from '@/server/sessions/create-session';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { actorOf, makeAdmin, makeResource, makeUser, sshResource } from '@/test/factories';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import { connectTerminal } from '@/test/harness/terminal-client';
import { exportRecording } from './export-recording';
import { getEvents } from './get-events';
import { getRecording } from './get-recording';
import { drainIndexing, scheduleIndexing } from './index-queue';
import { iterateEvents } from './read-events';

/** Realistic positives (server/masking/corpus); the AWS docs' example key is on the benign list. */
const AWS_KEY = 'AKIARHUNWS7DR4ERD7TI';
const GITHUB_TOKEN = 'ghp_B0D2xTZdFD2mEWKlH5APw0iQ75H8MqYiwFXW';
const SECRETS = [AWS_KEY, GITHUB_TOKEN];
const COLS = 100;
const ROWS = 30;

let sshd: Sshd;
let gateway: TestGateway;
let workDir: string;
beforeAll(async () => {
  [sshd, gateway] = await Promise.all([startSshd(), startTestGateway()]);
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-screen-masks-'));
});
afterAll(async () => {
  fs.rmSync(workDir, { recursive: true, force: true });
  await Promise.all([sshd?.stop(), gateway?.close()]);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a terminal shows after playing `output`: scrollback and screen, as text. */
async function rendered(output: string | Buffer): Promise<string> {
  const terminal = new Terminal({ cols: COLS, rows: ROWS, scrollback: 1000, allowProposedApi: true });
  await new Promise<void>((resolve) => terminal.write(output, resolve));
  const buffer = terminal.buffer.active;
  const lines: string[] = [];
  for (let y = 0; y < buffer.length; y++) lines.push(buffer.getLine(y)?.translateToString(true) ?? '');
  terminal.dispose();
  return lines.join('\n');
}

function expectNoSecrets(text: string, where: string): void {
  for (const secret of SECRETS) expect(text, `${where} shows ${secret}`).not.toContain(secret);
}

async function completed(id: string) {
  for (let i = 0; i < 400; i++) {
    const [row] = await db().select().from(recordings).where(eq(recordings.id, id));
    if (row?.status === 'complete') return row;
    await sleep(25);
  }
  throw new Error(`recording ${id} never completed`);
}

describeEachDriver('secrets that form only on the rendered screen', (driver) => {
  const store = driver === 'pglite' ? 'file' : 'postgres';
  beforeEach(() => setTestEnv({ PORTHOLE_RECORDING_STORE: store }));
  afterEach(() => gateway.idle());

  it(`never reach the replay, the screen export, the asciicast (asciinema cat) or the command index [${store} store]`, async () => {
    const resource = await makeResource(sshResource({ host: sshd.host, port: sshd.port, username: sshd.username, password: sshd.password }));
    const admin = await makeAdmin();
    await confirmHostKey({ actor: admin.actor, resourceId: resource.id, input: { fingerprint: sshd.hostKeyFingerprint } });
    const { user } = await makeUser();
    const actor = await actorOf(user.id);
    const created = await createSession({ actor, input: { resourceId: resource.id } });
    let text = '';
    const term = await connectTerminal(`${gateway.localUrl(created.wsUrl)}&cols=${COLS}&rows=${ROWS}`, {
      origin: env().publicUrl,
      onOutput: (chunk) => (text += Buffer.from(chunk).toString('utf8')),
    });
    const waitFor = async (pattern: RegExp) => {
      for (let i = 0; !pattern.test(text); i++) {
        if (i > 500) throw new Error(`timed out waiting for ${pattern}; tail ${JSON.stringify(text.slice(-300))}`);
        await sleep(20);
      }
    };
    await waitFor(/\$ $/);
    // The tail first at column 7 (after the 6-character head), then the head at column 1.
    term.type(`printf '\\033[7G${AWS_KEY.slice(6)}\\033[1G${AWS_KEY.slice(0, 6)}\\n'; echo one-$((0+1))\n`);
    await waitFor(/one-1/);
    // A carriage return overwriting a placeholder head.
    term.type(`printf 'XXXXXXXXXX${GITHUB_TOKEN.slice(10)}\\r${GITHUB_TOKEN.slice(0, 10)}\\n'; echo two-$((1+1))\n`);
    await waitFor(/two-2/);
    // A NUL inside: the streaming masker sees two pieces, the terminal shows nothing between them.
    term.type(`printf '${AWS_KEY.slice(0, 8)}\\000${AWS_KEY.slice(8)}\\n'; echo three-$((1+2))\n`);
    await waitFor(/three-3/);
    // Line editing: the tail typed first, the head inserted before it. Only the screen ever
    // shows the command line whole; the command index reads the screen.
    await sleep(300);
    for (const key of [...`echo ${AWS_KEY.slice(6)}`, '\x01', ...'\x06'.repeat(5), ...AWS_KEY.slice(0, 6)]) {
      term.type(key);
      await sleep(40);
    }
    term.type('\r');
    await waitFor(/MASKED:aws-key\][\s\S]*\$ $/);
    await sleep(300);
    term.type('exit\n');
    await term.closed;

    const recording = await completed(created.id);
    const outputs: Buffer[] = [];
    for await (const event of iterateEvents(recording)) if (event.kind === 'o') outputs.push(event.data);
    const stored = Buffer.concat(outputs);
    // The byte stream never held them whole (or the byte-stream masker would have masked them)…
    expectNoSecrets(stored.toString('utf8'), 'the recorded stream');
    // …but a terminal playing it shows them: that is what the screen masks are for.
    const unmasked = await rendered(stored);
    expect(unmasked).toContain(AWS_KEY);
    expect(unmasked).toContain(GITHUB_TOKEN);

    // Read before indexing: computed on the fly.
    const early = await getEvents({ actor, recordingId: created.id, query: { from: 0, to: recording.duration + 1, keyframe: true } });
    expectNoSecrets(
      await rendered(
        early.events
          .filter(([, kind]) => kind === 'o')
          .map(([, , data]) => data)
          .join(''),
      ),
      'the replay before indexing',
    );

    await scheduleIndexing(created.id);
    const [masksRow] = await db().select().from(recordingScreenMasks).where(eq(recordingScreenMasks.recordingId, created.id));
    expect(masksRow?.masks.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(masksRow?.masks)).not.toMatch(/UNWS|ghp_|AKIA/);

    const { commands } = await getRecording({ actor, recordingId: created.id });
    expectNoSecrets(JSON.stringify(commands), 'the command index');
    expect(commands.map((c) => c.text)).toContain(`echo ${'*'.repeat(AWS_KEY.length)}`);

    const replay = await getEvents({ actor, recordingId: created.id, query: { from: 0, to: recording.duration + 1, keyframe: true } });
    const replayed = await rendered(
      (replay.keyframe?.data ?? '') +
        replay.events
          .filter(([, kind]) => kind === 'o')
          .map(([, , data]) => data)
          .join(''),
    );
    expectNoSecrets(replayed, 'the replay');
    expect(replayed).toContain('*'.repeat(AWS_KEY.length));

    const transcript = await new Response((await exportRecording({ actor, recordingId: created.id, format: 'text' })).body).text();
    expectNoSecrets(transcript, 'the transcript export');
    expect(transcript).toContain('three-3');

    const screenText = await new Response((await exportRecording({ actor, recordingId: created.id, format: 'text', mode: 'screen' })).body).text();
    expectNoSecrets(screenText, 'the screen export');
    expect(screenText).toContain('*'.repeat(GITHUB_TOKEN.length));

    const castFile = path.join(workDir, `${created.id}.cast`);
    fs.writeFileSync(castFile, await new Response((await exportRecording({ actor, recordingId: created.id, format: 'asciicast' })).body).text());
    // asciinema opens /dev/tty: `script` gives it a terminal of its own.
    const { stdout } = await promisify(execFile)('script', ['-q', '-e', '-c', `asciinema cat '${castFile}'`, '/dev/null'], {
      encoding: 'buffer',
      maxBuffer: 16 * 1024 * 1024,
    });
    const played = await rendered(stdout);
    expectNoSecrets(played, 'asciinema cat');
    expect(played).toContain('*'.repeat(GITHUB_TOKEN.length));

    // Indexed before screen masks existed: masks are computed on read, and it is indexed again.
    await db().delete(recordingScreenMasks).where(eq(recordingScreenMasks.recordingId, created.id));
    const old = await getEvents({ actor, recordingId: created.id, query: { from: recording.duration, to: recording.duration + 1, keyframe: true } });
    expectNoSecrets(
      await rendered(
        old.events
          .filter(([, kind]) => kind === 'o')
          .map(([, , data]) => data)
          .join(''),
      ),
      'the replay of an older index',
    );
    await drainIndexing();
    expect(await db().select().from(recordingScreenMasks).where(eq(recordingScreenMasks.recordingId, created.id))).toHaveLength(1);
  });
});

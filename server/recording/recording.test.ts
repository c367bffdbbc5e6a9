import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { auditEvents, sessions } from '@/db/schema';
import { env } from '@/server/env';
import { confirmHostKey } from '@/server/resources/confirm-host-key';
import { createSession } from '@/server/sessions/create-session';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { actorOf, makeAdmin, makeResource, makeUser, sshResource } from '@/test/factories';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import { connectTerminal } from '@/test/harness/terminal-client';
import { HIDDEN_INPUT_MARKER } from '@/server/masking/stage/masking-stages';
import { createAnnotation } from './annotations/create-annotation';
import { deleteAnnotation } from './annotations/delete-annotation';
import { listAnnotations } from './annotations/list-annotations';
import { listMyNotes } from './annotations/list-my-notes';
import { updateAnnotation } from './annotations/update-annotation';
import { exportRecording } from './export-recording';
import { getEvents } from './get-events';
import { getRecording } from './get-recording';
import { scheduleIndexing } from './index-queue';
import { listRecordings } from './list-recordings';
import { iterateEvents } from './read-events';
import { recordingStore } from './stores/select-store';
import { FileRecordingStore } from './stores/file-store';
import { verifyRecording } from './verify-recording-access';

let sshd: Sshd;
let gateway: TestGateway;
beforeAll(async () => {
  [sshd, gateway] = await Promise.all([startSshd(), startTestGateway()]);
});
afterAll(async () => {
  await Promise.all([sshd?.stop(), gateway?.close()]);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A browser that keeps every output byte it received, in order. */
async function openTerminal(url: string) {
  const chunks: Buffer[] = [];
  let text = '';
  const term = await connectTerminal(url, {
    origin: env().publicUrl,
    onOutput: (chunk) => {
      chunks.push(Buffer.from(chunk));
      text += chunk.toString('latin1');
    },
  });
  const waitFor = async (pattern: RegExp, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(Buffer.from(text, 'latin1').toString('utf8'))) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${pattern}; tail ${JSON.stringify(Buffer.from(text, 'latin1').toString('utf8').slice(-300))}`);
      await sleep(20);
    }
  };
  /** Types like a person: one key at a time, each echoed before the next. */
  const typeSlowly = async (keys: string[]) => {
    for (const key of keys) {
      term.type(key);
      await sleep(key === '\t' ? 400 : 40);
    }
  };
  return { term, received: () => Buffer.concat(chunks), waitFor, typeSlowly };
}

async function recordingRow(id: string, status?: string) {
  for (let i = 0; i < 200; i++) {
    const [row] = await db().select().from(recordings).where(eq(recordings.id, id));
    if (row && (!status || row.status === status)) return row;
    await sleep(25);
  }
  throw new Error(`recording ${id} never reached ${status}`);
}

async function allEvents(id: string) {
  const [row] = await db().select().from(recordings).where(eq(recordings.id, id));
  const events = [];
  for await (const event of iterateEvents(row!)) events.push(event);
  return events;
}

describeEachDriver('session recording', (driver) => {
  // The file store on the embedded database, the PostgreSQL store on PostgreSQL.
  const store = driver === 'pglite' ? 'file' : 'postgres';
  beforeEach(() => setTestEnv({ PORTHOLE_RECORDING_STORE: store }));
  afterEach(() => gateway.idle());

  async function openSession() {
    const resource = await makeResource(sshResource({ host: sshd.host, port: sshd.port, username: sshd.username, password: sshd.password }));
    await confirmHostKey({ actor: (await makeAdmin()).actor, resourceId: resource.id, input: { fingerprint: sshd.hostKeyFingerprint } });
    const { user } = await makeUser();
    const actor = await actorOf(user.id);
    const created = await createSession({ actor, input: { resourceId: resource.id } });
    return { actor, resource, id: created.id, url: `${gateway.localUrl(created.wsUrl)}&cols=100&rows=30` };
  }

  it(`records what the browser received byte for byte, input, resizes and the exit [${store} store]`, async () => {
    const { id, url, actor } = await openSession();
    const { term, received, waitFor } = await openTerminal(url);
    const typed = ['echo ünï-$((6*7))\n', "printf '\\x1b[1mbold\\x1b[0m %s\\n' done\n"];
    term.type(typed[0]!);
    await waitFor(/ünï-42/);
    term.send({ type: 'resize', cols: 120, rows: 40 });
    term.type(typed[1]!);
    await waitFor(/bold.*done/);
    await sleep(300);
    term.type('exit\n');
    await term.closed;
    const row = await recordingRow(id, 'complete');
    expect(row).toMatchObject({ store, cols: 100, rows: 30, status: 'complete' });

    const events = await allEvents(id);
    const output = Buffer.concat(events.filter((e) => e.kind === 'o').map((e) => e.data));
    expect(output.equals(received())).toBe(true);
    // Input is recorded as the input masker decides it: echoed keystrokes as typed, the
    // others as its hidden-input marker; either way in order and ending with the exit.
    const input = Buffer.concat(events.filter((e) => e.kind === 'i').map((e) => e.data)).toString();
    expect(input.replaceAll(HIDDEN_INPUT_MARKER, '').length).toBeGreaterThan(0);
    expect(input.endsWith('exit\n')).toBe(true);
    expect(events.filter((e) => e.kind === 'r').map((e) => e.data.toString())).toEqual(['120x40']);
    const exit = events.find((e) => e.kind === 'x');
    expect(JSON.parse(exit!.data.toString())).toMatchObject({ reason: 'user_exit', exitCode: 0 });
    expect(events.map((e) => e.t)).toEqual(events.map((e) => e.t).sort((a, b) => a - b));
    expect(row.outputBytes).toBe(received().length);

    expect(await verifyRecording({ actor, recordingId: id })).toMatchObject({ isValid: true, problem: null, hasOpenTail: false });
    await scheduleIndexing(id);
    const detail = await getRecording({ actor, recordingId: id });
    // Lines sent whole, without a person's pause at the prompt, are commands too.
    expect(detail.commands.map((c) => c.text)).toEqual(['echo ünï-$((6*7))', "printf '\\x1b[1mbold\\x1b[0m %s\\n' done", 'exit']);
    expect(detail.heatmap.reduce((a, b) => a + b, 0)).toBe(received().length);

    // A seek: keyframe (maybe none in a short session) plus the tail reproduce the same bytes.
    const range = await getEvents({ actor, recordingId: id, query: { from: 0, to: detail.duration + 1, keyframe: true } });
    expect(
      range.events
        .filter((e) => e[1] === 'o')
        .map((e) => e[2])
        .join(''),
    ).toBe(received().toString('utf8'));

    // The export plays: `asciinema cat` (under a terminal, as it insists) prints the same output.
    const cast = await exportRecording({ actor, recordingId: id, format: 'asciicast' });
    const castFile = path.join(os.tmpdir(), `porthole-${id}.cast`);
    fs.writeFileSync(castFile, Buffer.from(await new Response(cast.body).arrayBuffer()));
    const lines = fs.readFileSync(castFile, 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ version: 2, width: 100, height: 30 });
    expect(lines.some((line) => (JSON.parse(line) as unknown[])[1] === 'm')).toBe(true);
    const played = await asciinemaCat(castFile);
    fs.rmSync(castFile);
    expect(played).toBe(received().toString('utf8'));

    const audit = await db().select({ action: auditEvents.action, data: auditEvents.data }).from(auditEvents).where(eq(auditEvents.targetId, id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['recording.replay', 'recording.export']));
  });

  it(`indexes commands as the terminal showed them: history recall, tab completion, backspace, OSC 133 exit codes [${store} store]`, async () => {
    const { id, url, actor } = await openSession();
    const { term, waitFor, typeSlowly } = await openTerminal(url);
    await waitFor(/\$ $/);
    await sleep(300);
    await typeSlowly([...'cd "$(mktemp -d)" && touch zebra-file.txt && echo ready-$((1+1))', '\r']);
    await waitFor(/ready-2/);
    await sleep(200);
    await typeSlowly([...'ls zeb', '\t', '\r']);
    await waitFor(/\rzebra-file\.txt\r\n/);
    await sleep(100);
    await typeSlowly(['\x1b[A', '\r']);
    await sleep(300);
    await typeSlowly([...'echo typx', '\x7f', 'o', '\r']);
    await waitFor(/typo\r\n/);
    // Shell integration: the prompt marks where the command starts, the D mark carries $?.
    await sleep(300);
    term.type(`PROMPT_COMMAND='printf "\\033]133;D;%s\\007" $?'; PS1='\\[\\033]133;A\\007\\]my-prompt> \\[\\033]133;B\\007\\]'\n`);
    await waitFor(/my-prompt> \x1b\]133;B/);
    await typeSlowly([...'false', '\r']);
    await sleep(300);
    await typeSlowly([...'true', '\r']);
    await sleep(300);
    term.type('exit\n');
    await term.closed;
    await recordingRow(id, 'complete');
    await scheduleIndexing(id);
    const { commands } = await getRecording({ actor, recordingId: id });
    expect(commands.map((c) => c.text)).toEqual([
      'cd "$(mktemp -d)" && touch zebra-file.txt && echo ready-$((1+1))',
      'ls zebra-file.txt',
      'ls zebra-file.txt',
      'echo typo',
      expect.stringContaining('PROMPT_COMMAND='),
      'false',
      'true',
      'exit',
    ]);
    expect(commands.find((c) => c.text === 'false')?.exitCode).toBe(1);
    expect(commands.find((c) => c.text === 'true')?.exitCode).toBe(0);
  });

  it(`indexes every command once, in order: typed ahead, pasted, in a nested shell, after a 7 s pause; with duration and likely failures [${store} store]`, async () => {
    const { id, url, actor } = await openSession();
    const { term, waitFor, typeSlowly } = await openTerminal(url);
    const prompt = /\$ (\x1b\[K)?$/;
    await waitFor(prompt);
    await sleep(300);
    const step = async (done: RegExp) => {
      await waitFor(done);
      await waitFor(prompt);
      await sleep(300);
    };
    term.type('sleep 2\recho typed-ahead\r');
    await step(/\rtyped-ahead\r\n/);
    term.type('ls -la\recho right-after-ls\r');
    await step(/\rright-after-ls\r\n/);
    // What xterm.js sends for a two-line paste when the shell asked for bracketed paste, then Enter.
    term.type('\x1b[200~echo paste-one\recho paste-two\r\x1b[201~');
    await sleep(300);
    term.type('\r');
    await step(/\npaste-two\r\n/);
    await typeSlowly([...'ls /nonexistent', '\r']);
    await step(/No such file or directory\r\n/);
    await typeSlowly([...'nosuchcmd', '\r']);
    await step(/command not found\r\n/);
    await typeSlowly([...'bash', '\r']);
    await sleep(500);
    await typeSlowly([...'echo inside', '\r']);
    await step(/\rinside\r\n/);
    term.type("PS1='inner# ' bash --norc\recho inside-nested\r");
    await waitFor(/\rinside-nested\r\n\x1b\[\?2004hinner# $/);
    await sleep(300);
    term.type('exit\r');
    await step(/\rexit\r\n/);
    term.type('exit\r');
    await sleep(500);
    await typeSlowly([...'echo slo']);
    await sleep(7_000);
    await typeSlowly([...'w-typed', '\r']);
    await step(/\rslow-typed\r\n/);
    term.type('exit\r');
    await term.closed;
    await recordingRow(id, 'complete');
    await scheduleIndexing(id);

    const { commands } = await getRecording({ actor, recordingId: id });
    expect(commands.map((c) => c.text)).toEqual([
      'sleep 2',
      'echo typed-ahead',
      'ls -la',
      'echo right-after-ls',
      'echo paste-one',
      'echo paste-two',
      'ls /nonexistent',
      'nosuchcmd',
      'bash',
      'echo inside',
      "PS1='inner# ' bash --norc",
      'echo inside-nested',
      'exit',
      'exit',
      'echo slow-typed',
      'exit',
    ]);
    const times = commands.map((c) => c.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(commands.every((c) => c.duration !== null && c.duration >= 0)).toBe(true);
    // Enter → next prompt; the typed-ahead line waited for the sleep, then ran at once.
    expect(commands[0]!.duration).toBeGreaterThanOrEqual(1.9);
    expect(commands[1]!.t - commands[0]!.t).toBeGreaterThanOrEqual(1.9);
    expect(commands[1]!.duration).toBeLessThan(1);
    expect(commands.filter((c) => c.failureReason !== null).map((c) => [c.text, c.failureReason])).toEqual([
      ['ls /nonexistent', "ls: cannot access '/nonexistent': No such file or directory"],
      ['nosuchcmd', '-bash: nosuchcmd: command not found'],
    ]);

    // The JSON export holds the same index.
    const file = await exportRecording({ actor, recordingId: id, format: 'json' });
    const exported = JSON.parse(await new Response(file.body).text()) as { commands: unknown[] };
    expect(exported.commands).toEqual(commands);
  }, 90_000);

  it(`keeps recordings from other engineers out of reach (404), notes private unless shared [${store} store]`, async () => {
    const { id, url, actor: owner } = await openSession();
    const { term, waitFor } = await openTerminal(url);
    term.type('echo hi-$((2+3))\n');
    await waitFor(/hi-5/);
    term.type('exit\n');
    await term.closed;
    await recordingRow(id, 'complete');

    const other = (await makeUser()).actor;
    const auditor = (await makeUser({ roles: ['auditor'] })).actor;
    await expect(getRecording({ actor: other, recordingId: id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getEvents({ actor: other, recordingId: id, query: {} })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(verifyRecording({ actor: other, recordingId: id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(exportRecording({ actor: other, recordingId: id, format: 'asciicast' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listRecordings({ actor: other })).recordings).toEqual([]);
    expect((await listRecordings({ actor: owner })).recordings.map((r) => r.id)).toEqual([id]);
    expect((await listRecordings({ actor: auditor })).recordings.map((r) => r.id)).toEqual([id]);
    expect((await getRecording({ actor: auditor, recordingId: id })).id).toBe(id);

    const privateNote = await createAnnotation({ actor: owner, recordingId: id, input: { t: 0.05, body: 'look **here**', tags: 'Incident, db' } });
    expect(privateNote.tags).toEqual(['incident', 'db']);
    const shared = await createAnnotation({ actor: owner, recordingId: id, input: { t: 0.01, endT: 0.04, body: 'range', isShared: true } });
    expect((await listAnnotations({ actor: owner, recordingId: id })).map((n) => n.body)).toEqual(['range', 'look **here**']);
    expect((await listAnnotations({ actor: auditor, recordingId: id })).map((n) => n.body)).toEqual(['range']);
    await expect(updateAnnotation({ actor: auditor, recordingId: id, annotationId: shared.id, input: { body: 'mine now' } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(deleteAnnotation({ actor: auditor, recordingId: id, annotationId: privateNote.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await updateAnnotation({ actor: owner, recordingId: id, annotationId: privateNote.id, input: { body: 'edited', tags: ['db'] } })).body).toBe(
      'edited',
    );
    expect((await listMyNotes({ actor: owner, query: { tag: 'db' } })).notes.map((n) => n.body)).toEqual(['edited']);
    expect((await listMyNotes({ actor: owner })).tags).toEqual(['db']);
    await deleteAnnotation({ actor: owner, recordingId: id, annotationId: privateNote.id });
    expect((await listAnnotations({ actor: owner, recordingId: id })).map((n) => n.body)).toEqual(['range']);
  });

  it(`ends the session with a clear reason when the recording cannot be written [${store} store]`, async () => {
    const { id, url } = await openSession();
    if (store === 'file') {
      // The recordings directory cannot be created: a file stands where it should be.
      const root = (recordingStore('file') as FileRecordingStore).root;
      fs.mkdirSync(path.dirname(root), { recursive: true });
      fs.rmSync(root, { recursive: true, force: true });
      fs.writeFileSync(root, 'not a directory');
      try {
        const { term } = await openTerminal(url);
        const exit = await term.waitForMessage('exit');
        expect(exit.message).toMatch(/Recording is unavailable.*cannot start/);
        await term.closed;
      } finally {
        fs.rmSync(root, { force: true });
      }
    } else {
      const { term, waitFor } = await openTerminal(url);
      term.type('echo up-$((3+4))\n');
      await waitFor(/up-7/);
      // The store's table goes away mid-session: the next write fails.
      await db().execute(sql.raw('alter table recording_frames rename to recording_frames_gone'));
      try {
        term.type('seq 1 200000\n');
        const exit = await term.waitForMessage('exit');
        expect(exit.message).toMatch(/Recording stopped/);
        await term.closed;
      } finally {
        await db().execute(sql.raw('alter table recording_frames_gone rename to recording_frames'));
      }
    }
    await gateway.idle();
    const [session] = await db().select().from(sessions).where(eq(sessions.id, id));
    expect(session?.status).toBe('ended');
    expect(session?.endMessage).toMatch(/Recording (is unavailable|stopped)/);
  });
});

/** `asciinema cat` reads /dev/tty, so it runs under `script`, which gives it one. */
function asciinemaCat(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', `asciinema cat ${file}`, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(Buffer.concat(out).toString('utf8')) : reject(new Error(`asciinema cat exited ${code}`))));
    child.stdin.end();
  });
}

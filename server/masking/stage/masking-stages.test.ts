import { describe, expect, it, vi } from 'vitest';
import { buildPipeline, type PipelineEvent, type Sink, type Stage, type StageContext } from '@/server/relay/pipeline';
import { selectRules } from '../built-in-rules';
import { createMasker, MAX_HELD_BYTES, type Masker } from '../masker';
import { createMaskingStages, HIDDEN_INPUT_MARKER } from './masking-stages';

const context: StageContext = { sessionId: 's', userId: 'u', resourceId: 'r', direction: 'output', pause: () => {}, resume: () => {} };
const masker = createMasker(selectRules());
const TOKEN = 'ghp_B0D2xTZdFD2mEWKlH5APw0iQ75H8MqYiwFXW';
const AWS_KEY = 'AKIARHUNWS7DR4ERD7TI';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function collector() {
  const bytes: Buffer[] = [];
  const events: PipelineEvent[] = [];
  // A final sink: it gets what is relayed past the recorder.
  const sink: Sink = {
    write: (chunk, relayed) => bytes.push(Buffer.from(relayed ?? chunk)),
    event: (event) => events.push(event),
    end: () => events.push({ type: 'resize', cols: 0, rows: 0 }),
  };
  return { sink, events, text: () => Buffer.concat(bytes).toString() };
}

/** A recorder stand-in: keeps what is recorded and relays what is relayed, like the real one. */
function fakeRecorder() {
  const seen = collector();
  const stage: Stage = (next) => ({
    write: (chunk, relayed) => (seen.sink.write(chunk), next.write(relayed ?? chunk)),
    event: (event) => (seen.sink.event(event), next.event(event)),
    end: () => next.end(),
  });
  return { stage, seen };
}

/** One session's output and input through the masking stages: what the screen gets, and the two pipelines. */
function typingSession() {
  const stages = createMaskingStages({ masker });
  const screen = collector();
  const out = buildPipeline({ masker: stages.output, recorder: fakeRecorder().stage }, screen.sink, context);
  const input = buildPipeline({ masker: stages.input, recorder: fakeRecorder().stage }, collector().sink, { ...context, direction: 'input' });
  return { screen, out, input };
}

describe('masking stages', () => {
  it('masks a token split across frames; a held tail reaches the browser after its deadline, the recording at exit, masked', async () => {
    const stages = createMaskingStages({ masker, screenHoldMs: 5 });
    const recorder = fakeRecorder();
    const screen = collector();
    const out = buildPipeline({ masker: stages.output, recorder: recorder.stage }, screen.sink, context);
    out.write(Buffer.from(`token ${TOKEN.slice(0, 10)}`));
    out.write(Buffer.from(`${TOKEN.slice(10)} done\r\n`));
    expect(screen.text()).toBe('token [MASKED:github-token] done\r\n');
    out.write(Buffer.from('prompt$ ghp_'));
    await sleep(30);
    expect(screen.text()).toMatch(/prompt\$ ghp_$/);
    expect(recorder.seen.text()).toMatch(/prompt\$ $/);
    out.write(Buffer.from('AKIARHUNWS7DR4ER'));
    out.event({ type: 'exit', reason: 'user_exit', message: 'bye', exitCode: 0 });
    expect(screen.text()).not.toMatch(/exit/);
    // The recording ends on 20 characters of a possible GitHub token: stored masked (fail closed).
    expect(screen.events.findLast((e) => e.type === 'mask')).toMatchObject({ type: 'mask', count: 2, direction: 'output' });
    expect(screen.events.at(-1)).toMatchObject({ type: 'exit' });
    expect(stages.count()).toBe(2);
    expect(screen.text()).toBe('token [MASKED:github-token] done\r\nprompt$ ghp_AKIARHUNWS7DR4ER');
    expect(recorder.seen.text()).toBe('token [MASKED:github-token] done\r\nprompt$ ghp_[MASKED:github-token]');
  });

  it('a secret echoed one keystroke at a time, slower than the browser deadline, is recorded masked', async () => {
    const stages = createMaskingStages({ masker, viewIdleMs: 1 });
    const recorder = fakeRecorder();
    const screen = collector();
    const out = buildPipeline({ masker: stages.output, recorder: recorder.stage }, screen.sink, context);
    const input = buildPipeline({ masker: stages.input, recorder: fakeRecorder().stage }, collector().sink, { ...context, direction: 'input' });
    out.write(Buffer.from('$ echo '));
    for (const key of AWS_KEY) {
      input.write(Buffer.from(key));
      out.write(Buffer.from(key));
      await sleep(6);
    }
    // The user sees their own keystrokes as they type…
    expect(screen.text()).toBe(`$ echo ${AWS_KEY}`);
    out.write(Buffer.from(`\r\n${AWS_KEY}\r\n$ `));
    // …the recording never holds the key, and the command's output is masked on screen too.
    expect(recorder.seen.text()).toBe('$ echo [MASKED:aws-key]\r\n[MASKED:aws-key]\r\n$ ');
    expect(screen.text()).toBe(`$ echo ${AWS_KEY}\r\n[MASKED:aws-key]\r\n$ `);
    expect(recorder.seen.events.flatMap((e) => (e.type === 'mask' ? e.masks.map((m) => m.rule) : []))).toEqual(['AWS access key ID', 'AWS access key ID']);
    expect(stages.count()).toBe(2);
  });

  it('the browser and the recording share one masker pass again once they have caught up', async () => {
    let steps = 0;
    const counting: Masker = { ...masker, step: (state, chunk) => (steps++, masker.step(state, chunk)) };
    const stages = createMaskingStages({ masker: counting, screenHoldMs: 1 });
    const recorder = fakeRecorder();
    const out = buildPipeline({ masker: stages.output, recorder: recorder.stage }, collector().sink, context);
    out.write(Buffer.from('$ ghp_'));
    await sleep(10);
    steps = 0;
    out.write(Buffer.from('x\r\n'));
    expect(steps).toBe(2);
    steps = 0;
    for (let i = 0; i < 10; i++) out.write(Buffer.from(`line ${i}\r\n`));
    expect(steps).toBe(10);
    expect(recorder.seen.text()).toBe(`$ ghp_x\r\n${Array.from({ length: 10 }, (_, i) => `line ${i}\r\n`).join('')}`);
  });

  it('the recording holds a possible secret however long the quiet; at the end it fails closed', () => {
    vi.useFakeTimers();
    try {
      const stages = createMaskingStages({ masker, viewIdleMs: 1 });
      const recorder = fakeRecorder();
      const screen = collector();
      const out = buildPipeline({ masker: stages.output, recorder: recorder.stage }, screen.sink, context);
      out.write(Buffer.from('$ printf AKIAIOSF; sleep 600\r\nAKIAIOSF'));
      // The browser gets program output that may begin a secret after the screen hold (250 ms).
      vi.advanceTimersByTime(200);
      expect(screen.text()).toBe('$ printf AKIAIOSF; sleep 600\r\n');
      vi.advanceTimersByTime(60);
      expect(screen.text()).toMatch(/\nAKIAIOSF$/);
      expect(recorder.seen.text()).toBe('$ printf AKIAIOSF; sleep 600\r\n');
      vi.advanceTimersByTime(10 * 60_000);
      expect(recorder.seen.text()).toBe('$ printf AKIAIOSF; sleep 600\r\n');
      out.write(Buffer.from('ODNN7EXAMPL'));
      // The session ends with 19 of the key's 20 characters held: stored masked, its head kept.
      out.event({ type: 'exit', reason: 'user_exit', message: 'bye', exitCode: 0 });
      out.end();
      expect(recorder.seen.text()).toBe('$ printf AKIAIOSF; sleep 600\r\nAKIA[MASKED:aws-key]');
    } finally {
      vi.useRealTimers();
    }
  });

  it('recording_only: the browser gets the raw bytes, the recorder the masked ones, and the count', () => {
    const stages = createMaskingStages({ masker, mode: 'recording_only' });
    const recorder = fakeRecorder();
    const screen = collector();
    const out = buildPipeline({ masker: stages.output, recorder: recorder.stage }, screen.sink, context);
    out.write(Buffer.from(`t=${TOKEN.slice(0, 8)}`));
    expect(screen.text()).toBe(`t=${TOKEN.slice(0, 8)}`);
    out.write(Buffer.from(`${TOKEN.slice(8)}\r\n`));
    out.event({ type: 'exit', reason: 'user_exit', message: 'bye', exitCode: 0 });
    out.end();
    expect(screen.text()).toBe(`t=${TOKEN}\r\n`);
    expect(recorder.seen.text()).toBe('t=[MASKED:github-token]\r\n');
    expect(screen.events.map((e) => e.type)).toEqual(['mask', 'exit', 'resize']);
  });

  it('input: echoed keystrokes are recorded as typed, unechoed ones as the hidden-input marker; the target gets them all', async () => {
    const stages = createMaskingStages({ masker, echoWindowMs: 20 });
    const outRecorder = fakeRecorder();
    const inRecorder = fakeRecorder();
    const target = collector();
    const out = buildPipeline({ masker: stages.output, recorder: outRecorder.stage }, collector().sink, context);
    const input = buildPipeline({ masker: stages.input, recorder: inRecorder.stage }, target.sink, { ...context, direction: 'input' });
    out.write(Buffer.from('$ '));
    input.write(Buffer.from('ls'));
    out.write(Buffer.from('ls'));
    input.write(Buffer.from('\r'));
    out.write(Buffer.from('\r\nfile\r\nPassword: '));
    for (const key of 'hunter2') input.write(Buffer.from(key));
    await sleep(60);
    input.write(Buffer.from('\r'));
    out.write(Buffer.from('\r\n$ '));
    input.end();
    expect(target.text()).toBe('ls\rhunter2\r');
    expect(inRecorder.seen.text()).toBe(`ls\r${HIDDEN_INPUT_MARKER}\r`);
  });
  it('program output that may begin a secret is held on screen up to 250 ms (a key printed in two writes is masked); the echo of typed keys at once', () => {
    vi.useFakeTimers();
    try {
      const { screen, out, input } = typingSession();
      out.write(Buffer.from('$ '));
      // printf AKIAIOSF; sleep 0.15; printf ODNN7EXAMPLE
      out.write(Buffer.from('AKIAIOSF'));
      vi.advanceTimersByTime(150);
      expect(screen.text()).toBe('$ ');
      out.write(Buffer.from('ODNN7EXAMPLE\r\n$ '));
      expect(screen.text()).toBe('$ [MASKED:aws-key]\r\n$ ');
      // The user types: each echoed key reaches the screen at once, even one that may begin a secret.
      let typed = '';
      for (const key of 'AKIA') {
        input.write(Buffer.from(key));
        out.write(Buffer.from(key));
        typed += key;
        expect(screen.text()).toBe(`$ [MASKED:aws-key]\r\n$ ${typed}`);
      }
      // The echo of a typed line and what the command prints, in one chunk: the printed part waits.
      input.write(Buffer.from('IOSF\r'));
      out.write(Buffer.from('IOSF\r\nAKIAIOSF'));
      vi.advanceTimersByTime(150);
      expect(screen.text()).toBe('$ [MASKED:aws-key]\r\n$ AKIAIOSF\r\n');
      out.write(Buffer.from('ODNN7EXAMPLE\r\n'));
      expect(screen.text()).toBe('$ [MASKED:aws-key]\r\n$ AKIAIOSF\r\n[MASKED:aws-key]\r\n');
      // A program slower than the hold: what it held reaches the screen after 250 ms of quiet.
      out.write(Buffer.from('\r\nghp_'));
      vi.advanceTimersByTime(240);
      expect(screen.text()).toMatch(/\[MASKED:aws-key\]\r\n\r\n$/);
      vi.advanceTimersByTime(20);
      expect(screen.text()).toMatch(/\[MASKED:aws-key\]\r\n\r\nghp_$/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('the echo of Backspace, and of typing after it, reaches the screen at once while a possible secret is held', () => {
    vi.useFakeTimers();
    try {
      const { screen, out, input } = typingSession();
      out.write(Buffer.from('$ '));
      // The user types the start of a token, a typo, Backspace, and goes on: all of it is held
      // for the recording, and all of it is their own typing, shown at once.
      const typed = (text: string) => [...text].map((k): [string, string] => [k, k]);
      const keys: Array<[string, string]> = [...typed('ghp_B0D-'), ['\x7f', '\b \b'], ...typed('2x.'), ['\x7f', '\b\x1b[K'], ...typed('T')];
      let shown = '$ ';
      for (const [key, echo] of keys) {
        input.write(Buffer.from(key));
        out.write(Buffer.from(echo));
        shown += echo;
        expect(screen.text(), JSON.stringify(key)).toBe(shown);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('holds at most 64 KiB per session: recorded output, the browser copy and recorded input each at their bound; past a bound it masks, never releases raw', () => {
    vi.useFakeTimers();
    try {
      const stages = createMaskingStages({ masker });
      const outRecorder = fakeRecorder();
      const inRecorder = fakeRecorder();
      const screen = collector();
      const out = buildPipeline({ masker: stages.output, recorder: outRecorder.stage }, screen.sink, context);
      const input = buildPipeline({ masker: stages.input, recorder: inRecorder.stage }, collector().sink, { ...context, direction: 'input' });
      const header = 'eyJhbGciOiJIUzI1NiJ9.';
      const body = 'eyJzdWIiOiIxIn0'.repeat(500);
      let maxHeld = 0;
      const measure = () => (maxHeld = Math.max(maxHeld, stages.heldBytes()));
      out.write(Buffer.from('$ '));
      // Input: a JWT typed with Ctrl-Right between the keys (escapes: the clean text is still a
      // possible JWT), echoed; held until decided, just under its bound.
      const typed = `${header}${body.slice(0, 2770)}.c2ln`;
      input.write(Buffer.from([...typed].map((key) => `${key}\x1b[1;5C`).join('')));
      out.write(Buffer.from(typed));
      measure();
      // Output: a JWT's header, then a pause: the browser's copy releases it and goes its own way.
      out.write(Buffer.from(`\r\n${header}`));
      vi.advanceTimersByTime(300);
      // The rest coloured character by character: both output states grow to their bound.
      const coloured = Buffer.from([...`${body}.c2ln`].map((ch) => `\x1b[38;5;123m${ch}`).join(''));
      for (let i = 0; i < coloured.length; i += 1024) {
        out.write(coloured.subarray(i, i + 1024));
        measure();
      }
      out.write(Buffer.from('\x1b[0m done\r\n'));
      // All three were driven near their bound (3 × 20 KiB), together never past 64 KiB.
      expect(maxHeld).toBeGreaterThan(2.7 * 20 * 1024);
      expect(maxHeld).toBeLessThanOrEqual(Math.min(3 * MAX_HELD_BYTES, 64 * 1024));
      out.event({ type: 'exit', reason: 'user_exit', message: 'bye', exitCode: 0 });
      out.end();
      input.end();
      const strip = (text: string) => text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
      const twoSegments = 'eyJzdWIiOiIxIn0eyJzdWIi';
      expect(strip(outRecorder.seen.text())).not.toContain(twoSegments);
      expect(strip(outRecorder.seen.text())).toMatch(/ done\r\n$/);
      expect(strip(screen.text())).not.toContain(twoSegments);
      expect(strip(inRecorder.seen.text())).not.toContain(twoSegments);
    } finally {
      vi.useRealTimers();
    }
  });
});

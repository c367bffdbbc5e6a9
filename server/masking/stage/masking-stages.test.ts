import { describe, expect, it } from 'vitest';
import { buildPipeline, type PipelineEvent, type Sink, type Stage, type StageContext } from '@/server/gateway/pipeline';
import { selectRules } from '../built-in-rules';
import { createMasker } from '../masker';
import { createMaskingStages, HIDDEN_INPUT_MARKER } from './masking-stages';

const context: StageContext = { sessionId: 's', userId: 'u', resourceId: 'r', direction: 'output', pause: () => {}, resume: () => {} };
const masker = createMasker(selectRules());
const TOKEN = 'ghp_B0D2xTZdFD2mEWKlH5APw0iQ75H8MqYiwFXW';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function collector() {
  const bytes: Buffer[] = [];
  const events: PipelineEvent[] = [];
  const sink: Sink = { write: (chunk) => bytes.push(Buffer.from(chunk)), event: (event) => events.push(event), end: () => events.push({ type: 'resize', cols: 0, rows: 0 }) };
  return { sink, events, text: () => Buffer.concat(bytes).toString() };
}

/** A recorder stand-in: keeps what it is given and relays it. */
function fakeRecorder() {
  const seen = collector();
  const stage: Stage = (next) => ({
    write: (chunk) => (seen.sink.write(chunk), next.write(chunk)),
    event: (event) => (seen.sink.event(event), next.event(event)),
    end: () => next.end(),
  });
  return { stage, seen };
}

describe('masking stages', () => {
  it('masks a token split across frames, flushes a held tail after the idle deadline and before exit', async () => {
    const stages = createMaskingStages({ masker, outputIdleMs: 5 });
    const recorder = fakeRecorder();
    const screen = collector();
    const out = buildPipeline({ masker: stages.output, recorder: recorder.stage }, screen.sink, context);
    out.write(Buffer.from(`token ${TOKEN.slice(0, 10)}`));
    out.write(Buffer.from(`${TOKEN.slice(10)} done\r\n`));
    expect(screen.text()).toBe('token [MASKED:github-token] done\r\n');
    out.write(Buffer.from('prompt$ ghp_'));
    await sleep(30);
    expect(screen.text()).toMatch(/prompt\$ ghp_$/);
    out.write(Buffer.from('AKIARHUNWS7DR4ER'));
    out.event({ type: 'exit', reason: 'user_exit', message: 'bye', exitCode: 0 });
    expect(screen.text()).not.toMatch(/exit/);
    expect(screen.events.findLast((e) => e.type === 'mask')).toMatchObject({ type: 'mask', count: 1, direction: 'output' });
    expect(screen.events.at(-1)).toMatchObject({ type: 'exit' });
    expect(stages.count()).toBe(1);
    expect(recorder.seen.text()).toBe(screen.text());
  });

  it("recording_only: the sink gets the raw bytes, the recorder the masked ones, and the count", () => {
    const stages = createMaskingStages({ masker });
    const recorder = fakeRecorder();
    const screen = collector();
    const out = buildPipeline({ masker: stages.output, recorder: recorder.stage, masks: 'recording' }, screen.sink, context);
    out.write(Buffer.from(`t=${TOKEN}\r\n`));
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
    const input = buildPipeline({ masker: stages.input, recorder: inRecorder.stage, masks: 'recording' }, target.sink, { ...context, direction: 'input' });
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
});

import { describe, expect, it } from 'vitest';
import { createEchoTracker, type EchoTrackerState, type InputRecord } from './echo-tracker';

const tracker = createEchoTracker({ windowMs: 200 });

/** Plays `[kind, text, time]` events through the tracker and returns every record. */
function play(events: Array<['in' | 'out' | 'tick', string, number]>): InputRecord[] {
  let state: EchoTrackerState = tracker.initialState;
  const records: InputRecord[] = [];
  for (const [kind, text, at] of events) {
    const result =
      kind === 'in' ? tracker.input(state, Buffer.from(text), at) : kind === 'out' ? tracker.output(state, Buffer.from(text), at) : tracker.tick(state, at);
    state = result.state;
    records.push(...result.records);
  }
  return records;
}

const typed = (records: InputRecord[]): string => records.map((r) => (r.kind === 'input' ? r.bytes.toString() : `<hidden:${r.length}>`)).join('');

describe('createEchoTracker', () => {
  it('records echoed keystrokes as typed, once their echo comes back', () => {
    const records = play([
      ['in', 'l', 0],
      ['out', 'l', 5],
      ['in', 's', 100],
      ['out', 's', 104],
      ['in', '\r', 200],
      ['out', '\r\nfile.txt\r\n$ ', 210],
    ]);
    expect(typed(records)).toBe('ls\r');
    expect(records[0]).toMatchObject({ at: 0 });
  });

  it('hides keystrokes that are never echoed (read -s), even without a prompt hint', () => {
    const records = play([
      ['out', 'enter value ', 0],
      ['in', 'hunter2', 10],
      ['tick', '', 100],
      ['tick', '', 300],
      ['in', '\r', 320],
    ]);
    expect(typed(records)).toBe('<hidden:7>\r');
    expect(JSON.stringify(records)).not.toContain('hunter2');
  });

  it('hides a password typed fast with Enter at a password prompt (sudo)', () => {
    const records = play([
      ['out', '[sudo] password for deploy: ', 0],
      ['in', 's3cret\r', 50],
      ['out', '\r\n', 60],
    ]);
    expect(typed(records)).toBe('<hidden:6>\r');
  });

  it('does not take unrelated output for the echo of a password', () => {
    const records = play([
      ['out', 'Password: ', 0],
      ['in', 'abc', 10],
      ['out', 'a progress bar... b c', 20],
      ['in', '\r', 30],
    ]);
    expect(typed(records)).toBe('<hidden:3>\r');
  });

  it('takes "*" feedback (pwfeedback) for hidden input', () => {
    const records = play([
      ['out', 'Password: ', 0],
      ['in', 'x', 10],
      ['out', '*', 12],
      ['in', 'y', 20],
      ['out', '*', 22],
      ['tick', '', 400],
    ]);
    expect(typed(records)).toBe('<hidden:2>');
  });

  it('recognises echo again after the prompt', () => {
    const records = play([
      ['out', 'Password: ', 0],
      ['in', 'pw\r', 10],
      ['out', '\r\n$ ', 30],
      ['in', 'id', 40],
      ['out', 'id', 45],
      ['in', '\r', 50],
    ]);
    expect(typed(records)).toBe('<hidden:2>\rid\r');
  });

  it('keeps control keys and their order', () => {
    const records = play([
      ['in', '\x1b[A', 0],
      ['out', 'ls -la', 5],
      ['in', '\x03', 10],
    ]);
    expect(typed(records)).toBe('\x1b[A\x03');
  });

  it('a paste larger than any one frame, echoed in pieces, is recorded as typed (no limit from the number of keystrokes waiting)', () => {
    // 300,000 keystrokes waiting at once: more than a function call takes as arguments.
    const paste = 'x'.repeat(150_000) + 'y'.repeat(150_000);
    const records = play([
      ['in', paste, 0],
      ['out', paste.slice(0, 100_000), 5],
      ['out', paste.slice(100_000), 10],
      ['in', '\r', 20],
      ['out', '\r\n$ ', 25],
    ]);
    expect(typed(records)).toBe(`${paste}\r`);
  });

  it('typed bytes of one moment form one record; a later moment starts another', () => {
    const records = play([
      ['in', 'ab', 0],
      ['in', 'c', 7],
      ['out', 'abc', 9],
    ]);
    expect(records).toEqual([
      { kind: 'input', bytes: Buffer.from('ab'), at: 0 },
      { kind: 'input', bytes: Buffer.from('c'), at: 7 },
    ]);
  });
});

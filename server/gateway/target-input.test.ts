import { describe, expect, it } from 'vitest';
import type { TerminalConnection } from '../connectors/terminal-connector';
import { TargetInput } from './target-input';

function fakeConnection(isAccepting = () => true) {
  const calls: string[] = [];
  const connection: TerminalConnection = {
    write: (data) => (calls.push(`write ${data.toString()}`), isAccepting()),
    resize: ({ cols, rows }) => calls.push(`resize ${cols}x${rows}`),
    pause: () => {},
    resume: () => {},
    close: () => {},
  };
  return { connection, calls };
}

describe('TargetInput', () => {
  it('holds input and resizes until the connection opens, then replays them in order', () => {
    const overflows: string[] = [];
    const opened = { cols: 80, rows: 24 };
    const input = new TargetInput(opened, (m) => overflows.push(m));
    input.write(Buffer.from('ls'));
    input.event({ type: 'resize', cols: 100, rows: 30 });
    input.write(Buffer.from('\r'));
    const { connection, calls } = fakeConnection();
    input.attach(connection, opened);
    expect(calls).toEqual(['resize 100x30', 'write ls', 'write \r']);
    expect(input.bytesIn).toBe(3);
    expect(overflows).toEqual([]);
  });

  it('gives up on a target that stops reading, instead of buffering without bound', () => {
    const overflows: string[] = [];
    const input = new TargetInput({ cols: 80, rows: 24 }, (m) => overflows.push(m));
    input.attach(fakeConnection(() => false).connection, input.size);
    const paste = Buffer.alloc(60 * 1024, 0x61);
    for (let i = 0; i < 80 && overflows.length === 0; i++) input.write(paste);
    expect(overflows).toEqual(['The target stopped reading input.']);

    const drained = new TargetInput({ cols: 80, rows: 24 }, (m) => overflows.push(m));
    drained.attach(fakeConnection(() => false).connection, drained.size);
    for (let i = 0; i < 200; i++) {
      drained.write(paste);
      drained.onDrain();
    }
    expect(overflows).toHaveLength(1);
  });
});

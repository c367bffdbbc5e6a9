import { describe, expect, it } from 'vitest';
import { Channel, frame, parseExecStatus, parseFrame, resizeFrame } from './exec-channel';

describe('exec channel framing', () => {
  it('prefixes the channel byte and reads it back', () => {
    const message = frame(Channel.stdin, 'ls\r');
    expect([...message]).toEqual([0, ...Buffer.from('ls\r')]);
    expect(parseFrame(frame(Channel.stdout, Buffer.from('hi')))).toEqual({ channel: 1, data: Buffer.from('hi') });
    expect(parseFrame(Buffer.alloc(0))).toBeNull();
  });

  it('sends a resize as Width and Height on channel 4', () => {
    const message = resizeFrame(120, 40);
    expect(message[0]).toBe(4);
    expect(JSON.parse(message.subarray(1).toString())).toEqual({ Width: 120, Height: 40 });
  });

  it('reads the exit code from the status channel', () => {
    const success = Buffer.from(JSON.stringify({ metadata: {}, status: 'Success' }));
    expect(parseExecStatus(success).exitCode).toBe(0);
    const failure = {
      metadata: {},
      status: 'Failure',
      message: 'command terminated with non-zero exit code',
      reason: 'NonZeroExitCode',
      details: { causes: [{ reason: 'ExitCode', message: '3' }] },
    };
    expect(parseExecStatus(Buffer.from(JSON.stringify(failure)))).toEqual({ exitCode: 3, message: 'The shell exited with code 3.' });
    const notStarted = { status: 'Failure', message: 'exec: "bash": executable file not found' };
    expect(parseExecStatus(Buffer.from(JSON.stringify(notStarted)))).toEqual({ exitCode: null, message: expect.stringContaining('executable file not found') });
    expect(parseExecStatus(Buffer.from('{nope')).exitCode).toBeNull();
  });
});

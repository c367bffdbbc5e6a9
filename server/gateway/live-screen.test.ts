import { Terminal } from '@xterm/headless';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CATCH_UP_TAIL_BYTES, LiveScreen } from './live-screen';
import { OutputTail } from './output-tail';

const lines = (from: number, to: number) => Buffer.from(Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}\r\n`).join(''));

describe('LiveScreen', () => {
  afterEach(() => vi.restoreAllMocks());

  it('parses nothing while nobody watches, then shows the output on the first snapshot and follows it', async () => {
    const parse = vi.spyOn(Terminal.prototype, 'write');
    const screen = new LiveScreen({ cols: 80, rows: 24 });
    for (let i = 0; i < 100; i++) screen.write(Buffer.from(`output ${i}\r\n`));
    expect(parse).not.toHaveBeenCalled();
    expect(screen.isMirroring).toBe(false);

    const first = await screen.snapshot();
    expect(first.data).toContain('output 99');
    expect(first.data).toContain('output 0');
    expect(screen.isMirroring).toBe(true);

    screen.write(Buffer.from('after the watcher came\r\n'));
    expect((await screen.snapshot()).data).toContain('after the watcher came');
    screen.dispose();
  });

  it('keeps at most the newest CATCH_UP_TAIL_BYTES before the first watcher, and draws the screen from them', async () => {
    const screen = new LiveScreen({ cols: 80, rows: 24 });
    for (let i = 0; i < 200; i++) screen.write(lines(i * 1000, i * 1000 + 999)); // ~2.5 MB
    expect(screen.keptBytes).toBeLessThanOrEqual(CATCH_UP_TAIL_BYTES);
    const { data } = await screen.snapshot();
    expect(data).toContain('line 199999');
    expect(data).not.toContain('line 0\r');
    // The kept text starts at a line, not inside one.
    expect(data).toMatch(/^(\x1b\[[0-9;?]*[A-Za-z])*line \d+/);
    screen.dispose();
  });

  it('is drawn at the size the session has when the first watcher comes', async () => {
    const screen = new LiveScreen({ cols: 80, rows: 24 });
    screen.write(Buffer.from('before the resize\r\n'));
    screen.resize(120, 40);
    expect([screen.cols, screen.rows]).toEqual([120, 40]);
    const snapshot = await screen.snapshot();
    expect([snapshot.cols, snapshot.rows]).toEqual([120, 40]);
    expect(snapshot.data).toContain('before the resize');
    screen.dispose();
  });

  it('stops parsing when the last watcher leaves, and shows the next one the screen as it was plus what came since', async () => {
    const screen = new LiveScreen({ cols: 80, rows: 24 });
    screen.write(Buffer.from('\x1b[2J\x1b[Htop of a full-screen program\r\n'));
    expect((await screen.snapshot()).data).toContain('top of a full-screen program');
    screen.write(Buffer.from('while watched\r\n'));
    screen.sleep();
    await new Promise((resolve) => setImmediate(resolve));
    expect(screen.isMirroring).toBe(false);

    const parse = vi.spyOn(Terminal.prototype, 'write');
    for (let i = 0; i < 50; i++) screen.write(Buffer.from(`unwatched ${i}\r\n`));
    screen.resize(100, 30);
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();

    const next = await screen.snapshot();
    expect([next.cols, next.rows]).toEqual([100, 30]);
    for (const text of ['while watched', 'unwatched 0', 'unwatched 49']) expect(next.data).toContain(text);
    screen.dispose();
  });

  it('keeps following when a watcher comes back before the last one’s screen was put away', async () => {
    const screen = new LiveScreen({ cols: 80, rows: 24 });
    screen.write(Buffer.from('first\r\n'));
    await screen.snapshot();
    screen.sleep();
    screen.write(Buffer.from('between\r\n'));
    const again = await screen.snapshot();
    expect(again.data).toContain('first');
    expect(again.data).toContain('between');
    screen.write(Buffer.from('after\r\n'));
    expect((await screen.snapshot()).data).toContain('after');
    screen.dispose();
  });

  it('says how far into the output a snapshot goes: what was written before it was asked for, not after', async () => {
    const screen = new LiveScreen({ cols: 80, rows: 24 });
    screen.write(Buffer.from('before\r\n'));
    const asked = screen.snapshot();
    const at = screen.written;
    screen.write(Buffer.from('after\r\n'));
    const snapshot = await asked;
    expect(snapshot.at).toBe(at);
    expect(snapshot.data).toContain('before');
    expect(snapshot.data).not.toContain('after');
    screen.dispose();
  });

  it('a snapshot asked for while the screen is behind a flood shows the newest output, not the screen just reset', async () => {
    const screen = new LiveScreen({ cols: 80, rows: 24 });
    await screen.snapshot();
    // Faster than it is parsed: the screen skips ahead and is redrawn from the newest output.
    for (let i = 0; i < 500; i++) screen.write(lines(i * 1000, i * 1000 + 999)); // ~6 MB
    screen.write(Buffer.from('the last line\r\n'));
    const snapshot = await screen.snapshot();
    expect(snapshot.data).toContain('line 499999');
    expect(snapshot.data).toContain('the last line');
    expect(snapshot.at).toBe(screen.written);
    screen.dispose();
  });

  it('refuses a snapshot once disposed', async () => {
    const screen = new LiveScreen({ cols: 80, rows: 24 });
    screen.write(Buffer.from('x'));
    screen.dispose();
    await expect(screen.snapshot()).rejects.toThrow('closed');
  });
});

describe('OutputTail', () => {
  it('keeps the newest bytes in order across wraps, growing up to its limit', () => {
    const tail = new OutputTail(64 * 1024);
    const all: Buffer[] = [];
    for (let i = 0; i < 10_000; i++) {
      const chunk = Buffer.from(`chunk ${i};`);
      all.push(chunk);
      tail.push(chunk);
    }
    const whole = Buffer.concat(all);
    expect(tail.bytes).toBe(64 * 1024);
    const kept = tail.take();
    // After the wrap the text starts after a line break: there is none here, so it is the exact tail.
    expect(kept.equals(whole.subarray(whole.length - 64 * 1024))).toBe(true);
    expect(tail.bytes).toBe(0);
  });

  it('keeps everything while under its limit, and the end of a chunk larger than it', () => {
    const tail = new OutputTail(1024);
    tail.push(Buffer.from('abc'));
    tail.push(Buffer.from('def'));
    expect(tail.take().toString()).toBe('abcdef');
    const big = Buffer.from('x'.repeat(3000) + 'end');
    tail.push(big);
    expect(tail.take().equals(big.subarray(big.length - 1024))).toBe(true);
  });

  it('starts after the first line break once older output was dropped', () => {
    const tail = new OutputTail(32);
    tail.push(Buffer.from('0123456789\n'));
    tail.push(Buffer.from('partial line\nwhole line\n'));
    tail.push(Buffer.from('last\n'));
    expect(tail.take().toString()).toBe('partial line\nwhole line\nlast\n');
  });
});

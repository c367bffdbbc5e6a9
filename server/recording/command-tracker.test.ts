import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecordingEvent } from './format';
import { IndexBuilder } from './index-builder';

/**
 * Byte streams recorded through the gateway from a real bash 5.2 (and dash) on the sshd test
 * harness: events as the recording holds them, `[t, kind, text]`.
 */
const STREAMS = path.join(__dirname, 'testing', 'bash-streams');

async function commandsOf(name: string) {
  const { cols, rows, events } = JSON.parse(fs.readFileSync(path.join(STREAMS, `${name}.json`), 'utf8')) as {
    cols: number;
    rows: number;
    events: [number, RecordingEvent['kind'], string][];
  };
  const builder = new IndexBuilder({ cols, rows, duration: events[events.length - 1]![0] });
  let index = 0;
  for (const [t, kind, data] of events) await builder.add({ t, kind, data: Buffer.from(data, 'utf8'), chunkSeq: 0, index: index++ });
  return (await builder.finish()).commands;
}

const texts = (commands: { text: string }[]) => commands.map((c) => c.text);

describe('command index from real shell byte streams', () => {
  it('indexes lines typed ahead of the prompt once each, in order, timed by their prompt', async () => {
    // `sleep 2\recho typed-ahead\r` in one write, then `ls -la\recho right-after-ls\r`.
    const commands = await commandsOf('typed-ahead');
    expect(texts(commands)).toEqual(['sleep 2', 'echo typed-ahead', 'ls -la', 'echo right-after-ls', 'exit']);
    expect(commands.map((c) => c.t)).toEqual([0.5402, 2.5433, 2.8607, 2.8635, 3.185]);
    // Enter → next prompt: the sleep took its two seconds.
    expect(commands[0]!.duration).toBeCloseTo(2.0031, 4);
    expect(commands.every((c) => c.duration !== null && c.duration < 2.1)).toBe(true);
  });

  it('makes one command of each line of a multi-line paste', async () => {
    const commands = await commandsOf('paste');
    expect(texts(commands)).toEqual(['echo paste-one', 'echo paste-two', 'exit']);
    // Run by the Enter after the paste, not when the paste was shown.
    expect(commands[0]!.t).toBe(1.7332);
  });

  it('finds prompts of nested shells, a new prompt string typed ahead into included', async () => {
    const commands = await commandsOf('nested');
    expect(texts(commands)).toEqual(['bash', 'echo inside', "PS1='inner# ' bash --norc", 'echo inside-nested', 'exit', 'exit', 'exit']);
  });

  it('marks commands whose output says they failed, with the line that says so', async () => {
    const commands = await commandsOf('failures');
    expect(commands.map((c) => [c.text, c.failureReason])).toEqual([
      ['ls /nonexistent', "ls: cannot access '/nonexistent': No such file or directory"],
      ['nosuchcmd', '-bash: nosuchcmd: command not found'],
      ['cat /etc/shadow', 'cat: /etc/shadow: Permission denied'],
      ['echo $?', null],
      // Nothing printed, but the next command showed its status.
      ['false', '`echo $?` printed 1'],
      ['echo $?', null],
      ['true', null],
      ['exit', null],
    ]);
    expect(commands.every((c) => c.exitCode === null && c.duration !== null)).toBe(true);
  });

  it('keeps a command typed with a 7 s pause in the middle of the line or before Enter whole', async () => {
    const commands = await commandsOf('slow');
    expect(texts(commands)).toEqual(['echo slow-typed', 'echo before-enter', 'exit']);
  });

  it('does not index a line abandoned with Ctrl-C', async () => {
    expect(texts(await commandsOf('ctrlc'))).toEqual(['echo def', 'exit']);
  });

  it('indexes a shell without line marks (dash): typed ahead while a command runs, failures, a 7 s pause', async () => {
    const commands = await commandsOf('dash');
    expect(texts(commands)).toEqual(["PS1='dash$ ' dash", 'sleep 2', 'echo typed-ahead', 'ls /nonexistent', 'nosuchcmd', 'echo slow-typed', 'exit', 'exit']);
    expect(commands.find((c) => c.text === 'nosuchcmd')?.failureReason).toBe('dash: 4: nosuchcmd: not found');
    expect(commands.find((c) => c.text === 'sleep 2')?.duration).toBeGreaterThan(1.9);
    // The nested shell's own output is not held against the command that started it.
    expect(commands[0]!.failureReason).toBeNull();
  });
});

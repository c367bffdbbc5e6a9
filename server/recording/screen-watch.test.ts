import { Terminal } from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { selectRules } from '../masking/built-in-rules';
import { createMasker } from '../masking/masker';
import { screenMasker } from './apply-screen-masks';
import { decodeKeyframe } from './format';
import { IndexBuilder, type IndexedEvent, type IndexResult } from './index-builder';
import { secretFinder } from './screen-secrets';
import { classifyPiece, hasDirtyRowTracker, PieceKind } from './screen-watch';

/** Realistic positives (server/masking/corpus): the AWS docs' example key is on the benign list. */
const AWS_KEY = 'AKIARHUNWS7DR4ERD7TI';
const GITHUB_TOKEN = 'ghp_B0D2xTZdFD2mEWKlH5APw0iQ75H8MqYiwFXW';
const findSecrets = secretFinder(createMasker(selectRules({}, [])));

type Step = [t: number, kind: 'o' | 'i' | 'r', data: string];

function eventsOf(steps: Step[]): IndexedEvent[] {
  return steps.map(([t, kind, data], index) => ({ t, kind, data: Buffer.from(data), chunkSeq: 0, index }));
}

async function index(events: IndexedEvent[], { cols = 80, rows = 24 } = {}): Promise<IndexResult> {
  const builder = new IndexBuilder({ cols, rows, duration: events.at(-1)?.t ?? 1, findSecrets });
  for (const event of events) await builder.add(event);
  return builder.finish();
}

/** What a reader of the recording shows: the events with the masks applied, on a fresh terminal. */
async function screenOf(events: IndexedEvent[], result: IndexResult, { cols = 80, rows = 24 } = {}): Promise<string> {
  const terminal = new Terminal({ cols, rows, scrollback: 500, allowProposedApi: true });
  const apply = screenMasker(result.screenMasks);
  for (const event of events) if (event.kind === 'o') await new Promise<void>((resolve) => terminal.write(apply(event).data, resolve));
  const buffer = terminal.buffer.active;
  const lines: string[] = [];
  for (let y = 0; y < buffer.length; y++) lines.push(buffer.getLine(y)?.translateToString(true) ?? '');
  terminal.dispose();
  return lines.join('\n');
}

/** The head of a secret written after its tail, by column, and by carriage return. */
function screenFormed(secret: string, headLength: number): Record<string, string> {
  const head = secret.slice(0, headLength);
  const tail = secret.slice(headLength);
  return {
    column: `key: \x1b[${6 + headLength}G${tail}\x1b[6G${head}\r\n`,
    'carriage return': `key: ${'X'.repeat(headLength)}${tail}\rkey: ${head}\r\n`,
    'NUL inside': `key: ${head}\x00${tail}\r\n`,
    'column, with a zero-width space in the head': `key: \x1b[${6 + headLength}G${tail}\x1b[6G${head.slice(0, 2)}\u200b${head.slice(2)}\r\n`,
    'line above': `key: \x1b[${6 + headLength}G${tail}\r\nnext line\r\n\x1b[2A\x1b[6G${head}\x1b[2B\r`,
  };
}

describe('secrets that form only on the screen', () => {
  for (const [name, secret, headLength] of [
    ['AWS key', AWS_KEY, 6],
    ['GitHub token', GITHUB_TOKEN, 10],
  ] as const) {
    for (const [how, output] of Object.entries(screenFormed(secret, headLength))) {
      it(`${name}, ${how}: masked on the replayed screen and in keyframes`, async () => {
        expect(output).not.toContain(secret);
        const events = eventsOf([
          [0.5, 'o', 'prompt$ \r\n'],
          [1, 'o', output],
          [40, 'o', 'done\r\n'],
        ]);
        const result = await index(events);
        expect(result.screenMasks.length).toBeGreaterThan(0);
        expect(result.screenMasks[0]!.cells[0]).toMatchObject({ row: 1, startCol: 5, endCol: 5 + secret.length });
        const screen = await screenOf(events, result);
        expect(screen).not.toContain(secret.slice(0, 12));
        expect(screen).toContain(`key: ${'*'.repeat(secret.length)}`);
        expect(result.keyframes.length).toBeGreaterThan(0);
        for (const keyframe of result.keyframes) expect(decodeKeyframe(Buffer.from(keyframe.bytes)).data).not.toContain(secret.slice(headLength));
      });
    }
  }

  it('a command line that only shows the secret on screen is indexed masked', async () => {
    const result = await index(
      eventsOf([
        [0, 'o', '$ '],
        [1, 'i', 'x'],
        [1.1, 'o', `echo       ${AWS_KEY.slice(6)}`],
        [1.2, 'o', `\r$ echo ${AWS_KEY.slice(0, 6)}`],
        [2, 'i', '\r'],
        [2.01, 'o', '\r\nok\r\n$ '],
      ]),
    );
    expect(result.commands.map((c) => c.text)).toEqual([`echo ${'*'.repeat(AWS_KEY.length)}`]);
  });

  it('leaves ordinary output alone, and a secret the stream already masked', async () => {
    const events = eventsOf([
      [0, 'o', 'line one\r\n\x1b[32mgreen\x1b[0m AKIA is a prefix\r\n'],
      [1, 'o', 'progress 10%\rprogress 99%\r\n[MASKED:aws-key] here\r\n'],
    ]);
    const result = await index(events);
    expect(result.screenMasks).toEqual([]);
  });

  it('checks a line that scrolls off in the same write', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => `filler ${i}\r\n`).join('');
    const events = eventsOf([[1, 'o', `key: ${'X'.repeat(6)}${AWS_KEY.slice(6)}\rkey: ${AWS_KEY.slice(0, 6)}\r\n${lines}`]]);
    const result = await index(events);
    expect(result.screenMasks).toHaveLength(1);
    expect(await screenOf(events, result)).not.toContain(AWS_KEY.slice(0, 12));
  });

  it('sorts output by what it can do to the screen: only plain text on a fresh row goes unchecked', () => {
    const kind = (text: string) => classifyPiece(Buffer.from(text));
    expect(kind('plain text\twith a tab\r\n')).toBe(PieceKind.Plain);
    expect(kind('\x1b[01;34mdir\x1b[0m \x1b]8;;file:///x\x07link\x1b]8;;\x07\x1b[K\r\n')).toBe(PieceKind.Plain);
    expect(kind('a\rb\n')).toBe(PieceKind.SameRows);
    expect(kind('\x1b[9Gx\x1b[1Gy')).toBe(PieceKind.SameRows);
    expect(kind('\x1b[2Ax')).toBe(PieceKind.AnyRow);
    expect(kind('\x1b[?1049h')).toBe(PieceKind.AnyRow);
    expect(kind('\x1b8x')).toBe(PieceKind.AnyRow);
    expect(kind('\u009b1G')).toBe(PieceKind.AnyRow);
  });

  it('finds a secret that plain text forms by wrapping onto a row that held its tail', async () => {
    const tail = AWS_KEY.slice(6);
    const events = eventsOf([
      [0, 'o', `\x1b[2;7H${tail}\x1b[1;75H`],
      [1, 'o', `xxxxxx${AWS_KEY.slice(0, 6)}`],
    ]);
    const result = await index(events);
    expect(result.screenMasks).toHaveLength(1);
    expect(await screenOf(events, result)).not.toContain(AWS_KEY.slice(0, 12));
  });

  it('reads the rows xterm changed (an xterm upgrade that drops the tracker falls back to every row)', () => {
    const terminal = new Terminal({ cols: 80, rows: 24, allowProposedApi: true });
    expect(hasDirtyRowTracker(terminal)).toBe(true);
    terminal.dispose();
  });
});

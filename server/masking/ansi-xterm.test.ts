import { Terminal } from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { stripAnsi } from './ansi';
import { INVISIBLE_RANGES } from './invisible-characters';
import { createMasker } from './masker';
import { selectRules } from './built-in-rules';

/**
 * What matching sees must be what the screen shows: each case is written to xterm (the
 * browser's terminal, headless) and to stripAnsi, and the two texts compared. Every case hides
 * a break inside a key that xterm does not show, so a masker reading the bytes differently from
 * xterm would let the whole key reach the screen and the recording unmasked (found by an
 * insider review: `\e[!0m`, CAN inside an OSC, a byte that is not UTF-8, C1 controls).
 */
const KEY = 'AKIAZQ7WT4XJ2MLOP9KV';
const SPLITS: Record<string, string> = {
  'a CSI with a parameter after an intermediate (ignored whole)': '\x1b[!0m',
  'a CSI with NUL inside': '\x1b[\x000m',
  'a CSI with BEL inside': '\x1b[\x070m',
  'a CSI with a private marker after a parameter': '\x1b[1<0m',
  'a CSI with DEL inside': '\x1b[1\x7fm',
  'a CSI cancelled by CAN': '\x1b[1\x18',
  'a CSI cancelled by SUB': '\x1b[1\x1a',
  'an OSC cancelled by CAN': '\x1b]0;title\x18',
  'a DCS cancelled by CAN': '\x1bPqabc\x18',
  'an APC cancelled by CAN': '\x1b_abc\x18',
  'ESC, a C0 control, then a CSI': '\x1b\x01[0m',
  'a charset designation with a C0 control inside': '\x1b(\x01B',
  'ESC and a character': '\x1b\xc3\xa9',
  'a stray UTF-8 continuation byte': '\x80',
  'a byte that is never UTF-8': '\xff',
  'an overlong encoding': '\xc0\xaf',
  'an encoded surrogate': '\xed\xa0\x80',
  'a truncated three-byte character': '\xe2\x82',
  'C1 CSI (U+009B)': '\xc2\x9b0m',
  'C1 OSC ended by C1 ST': '\xc2\x9d0;title\xc2\x9c',
  'C1 OSC ended by BEL': '\xc2\x9d0;title\x07',
  'an OSC ended by C1 ST': '\x1b]0;title\xc2\x9c',
  'C1 DCS': '\xc2\x90qabc\x1b\\',
};

async function screenLine(bytes: Buffer): Promise<string> {
  const terminal = new Terminal({ cols: 120, rows: 4, allowProposedApi: true });
  await new Promise<void>((resolve) => terminal.write(bytes, resolve));
  const line = terminal.buffer.active.getLine(0)?.translateToString(true) ?? '';
  terminal.dispose();
  return line;
}

describe('stripAnsi reads escapes and bytes as xterm does', () => {
  for (const [name, split] of Object.entries(SPLITS)) {
    it(`${name}: the key is whole on screen, in the matched text, and masked`, async () => {
      const raw = Buffer.from(`${KEY.slice(0, 12)}${split}${KEY.slice(12)}`, 'latin1');
      expect(await screenLine(raw)).toBe(KEY);
      expect(stripAnsi(raw, true).clean).toBe(KEY);
      const masker = createMasker(selectRules({}));
      const first = masker.step(masker.initialState, raw);
      const masked = Buffer.concat([first.output, masker.flush(first.state).output]).toString('latin1');
      expect(masked).not.toContain(KEY.slice(4, 12));
      expect(masked).not.toContain(KEY.slice(12));
      expect(masked).toContain('[MASKED:aws-key]');
    });
  }

  it('keeps valid UTF-8 whatever its length and position, and waits for a character cut by the frame', async () => {
    const text = 'é € 😀 ─┼─ naïve ✓';
    for (let shift = 0; shift < 4; shift++) {
      const raw = Buffer.concat([Buffer.alloc(shift, 'x'), Buffer.from(text)]);
      expect(stripAnsi(raw, false).clean).toBe(raw.toString('latin1'));
      expect(Buffer.from(stripAnsi(raw, false).clean, 'latin1').toString('utf8')).toBe(await screenLine(raw));
    }
    const cut = Buffer.from('ab€').subarray(0, 4);
    expect(stripAnsi(cut, false)).toMatchObject({ clean: 'ab', complete: 2 });
    expect(stripAnsi(cut, true).clean).toBe('ab');
  });
});

it('reads binary output (mostly bytes that are not UTF-8) as a few runs, not one entry per byte', () => {
  const binary = Buffer.alloc(4096);
  for (let i = 0; i < binary.length; i++) binary[i] = i % 7 === 0 ? 0x41 : 0x80 + ((i * 37) % 64);
  const scan = stripAnsi(binary, true);
  expect(scan.clean).toBe('A'.repeat(Math.ceil(binary.length / 7)));
  expect(scan.escapes.length / 3).toBeLessThanOrEqual(Math.ceil(binary.length / 7));
});

describe('characters drawn as nothing (zero-width spaces and joiners, bidi marks, variation selectors)', () => {
  const masked = (raw: Buffer) => {
    const masker = createMasker(selectRules({}));
    const first = masker.step(masker.initialState, raw);
    return Buffer.concat([first.output, masker.flush(first.state).output]).toString('utf8');
  };

  it('are the default-ignorable characters xterm gives no cell, and only those', async () => {
    const terminal = new Terminal({ cols: 20, rows: 2, allowProposedApi: true });
    const cellsOf = async (text: string) => {
      await new Promise<void>((resolve) => terminal.write(`\x1b[H\x1b[2K${text}`, resolve));
      return terminal.buffer.active.cursorX;
    };
    const listed = (codePoint: number) => INVISIBLE_RANGES.some(([first, last]) => codePoint >= first && codePoint <= last);
    const mismatched: string[] = [];
    for (let codePoint = 0x80; codePoint <= 0xe0fff; codePoint++) {
      const character = codePoint >= 0xd800 && codePoint <= 0xdfff ? '' : String.fromCodePoint(codePoint);
      if (!/\p{Default_Ignorable_Code_Point}/u.test(character) && !listed(codePoint)) continue;
      const noCell = (await cellsOf(`A${character}B`)) === 2;
      if (noCell !== listed(codePoint)) mismatched.push(`U+${codePoint.toString(16)} ${noCell ? 'no cell' : 'a cell'}`);
    }
    terminal.dispose();
    expect(mismatched).toEqual([]);
  });

  for (const [name, character] of [
    ['a zero-width space', '\u200b'],
    ['a zero-width joiner', '\u200d'],
    ['a right-to-left mark', '\u200f'],
    ['a byte-order mark', '\ufeff'],
    ['a variation selector', '\ufe0f'],
    ['two of them and a tag character', '\u2060\u{e0041}'],
  ] as const) {
    it(`${name} inside a key: the screen shows it whole, so it is masked`, async () => {
      const raw = Buffer.from(`${KEY.slice(0, 9)}${character}${KEY.slice(9)}`, 'utf8');
      // In the cell of the character before it (xterm drops a byte-order mark): seen, it is the key.
      expect((await screenLine(raw)).replace(/\p{Default_Ignorable_Code_Point}/gu, '')).toBe(KEY);
      expect(stripAnsi(raw, true).clean).toBe(KEY);
      const output = masked(raw);
      expect(output).toContain('[MASKED:aws-key]');
      expect(output).not.toContain(KEY.slice(9));
    });
  }

  it('a key cut by the frame inside one is still one match', () => {
    const raw = Buffer.from(`${KEY.slice(0, 9)}\u200b${KEY.slice(9)}`, 'utf8');
    const masker = createMasker(selectRules({}));
    const first = masker.step(masker.initialState, raw.subarray(0, 10));
    const second = masker.step(first.state, raw.subarray(10));
    const output = Buffer.concat([first.output, second.output, masker.flush(second.state).output]).toString('utf8');
    expect(output).toContain('[MASKED:aws-key]');
    expect(output).not.toContain(KEY.slice(9));
  });

  it('text with them and no secret passes unchanged', () => {
    const text = 'I \u2764\ufe0f it: \u{1f468}\u200d\u{1f469}\u200d\u{1f467} \u200fשלום\u200e ok\ufeff\r\n';
    expect(masked(Buffer.from(text, 'utf8'))).toBe(text);
  });
});

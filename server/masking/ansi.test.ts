import { describe, expect, it } from 'vitest';
import { rawIndex, stripAnsi } from './ansi';

describe('stripAnsi', () => {
  it('removes CSI, OSC and simple escapes and maps positions back', () => {
    const raw = Buffer.from('a\x1b[1;31mb\x1b]0;title\x07c\x1b(Bd\x1b7e\x1b]8;;http://x\x1b\\f');
    const scan = stripAnsi(raw, false);
    expect(scan.clean).toBe('abcdef');
    expect(scan.complete).toBe(raw.length);
    const hint = { next: 0 };
    expect([0, 1, 2, 3, 4, 5].map((i) => String.fromCharCode(raw[rawIndex(scan.escapes, i, hint)]!))).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('leaves an incomplete trailing sequence for the next chunk', () => {
    for (const tail of ['\x1b', '\x1b[', '\x1b[01;3', '\x1b]0;tit', '\x1b]8;;x\x1b', '\x1b(']) {
      const scan = stripAnsi(Buffer.from(`ab${tail}`), false);
      expect(scan.clean, JSON.stringify(tail)).toBe('ab');
      expect(scan.complete).toBe(2);
      expect(stripAnsi(Buffer.from(`ab${tail}`), true).complete).toBe(2 + tail.length);
    }
  });

  it('hides the controls the screen drops (a run is one entry) and keeps those that move the cursor', () => {
    const raw = Buffer.from('a\0\0b\x07c\x0e\x0fd\x7fe\x1b[0m\x01\x1cf\tg\r\n\b\v\fh', 'latin1');
    const scan = stripAnsi(raw, false);
    expect(scan.clean).toBe('abcdef\tg\r\n\b\v\fh');
    expect(scan.escapes.length / 3).toBe(6);
    const hint = { next: 0 };
    expect([0, 1, 2, 3, 4, 5].map((i) => String.fromCharCode(raw[rawIndex(scan.escapes, i, hint)]!))).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    // BEL ends a title (the whole sequence is an escape), and is hidden on its own.
    expect(stripAnsi(Buffer.from('\x1b]0;t\x07x\x07y'), false).clean).toBe('xy');
  });

  it('finds every dropped control, whatever its byte and position (the scan reads four bytes at a time)', () => {
    // From 0x80: a byte alone is not UTF-8, so xterm drops it (a lead byte at the end waits for the rest).
    const dropped = (b: number) => b === 0x7f || b >= 0x80 || (b < 0x20 && (b < 0x08 || b > 0x0d));
    for (let b = 0; b < 256; b++) {
      if (b === 0x1b) continue;
      for (let shift = 0; shift < 4; shift++) {
        for (let length = 1; length < 12; length++) {
          for (let at = 0; at < length; at++) {
            const bytes = Buffer.alloc(shift + length, 'x');
            bytes[shift + at] = b;
            const raw = bytes.subarray(shift);
            expect(stripAnsi(raw, false).clean, `byte ${b} at ${at} of ${length}`).toBe(dropped(b) ? 'x'.repeat(length - 1) : raw.toString('latin1'));
          }
        }
      }
    }
  });

  it('passes text without escapes through', () => {
    const raw = Buffer.from('plain text');
    expect(stripAnsi(raw, false)).toEqual({ clean: 'plain text', cleanBytes: raw, escapes: [], complete: 10, hasStringSequence: false, erased: new Set() });
  });
});

describe('stripAnsi: string sequences', () => {
  it('says whether a complete string sequence is among the escapes (its body holds text to mask)', () => {
    expect(stripAnsi(Buffer.from('\x1b[1mbold\x1b[0m'), false).hasStringSequence).toBe(false);
    expect(stripAnsi(Buffer.from('a\x1b]0;title\x07b'), false).hasStringSequence).toBe(true);
    expect(stripAnsi(Buffer.from('a\x1b_payload\x1b\\b'), false).hasStringSequence).toBe(true);
    // Incomplete: held, not yet a body to mask.
    expect(stripAnsi(Buffer.from('a\x1b]0;tit'), false).hasStringSequence).toBe(false);
  });
});

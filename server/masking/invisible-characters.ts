import { utf8Length } from './utf8-length';

/**
 * Characters xterm gives no cell of their own and a browser draws as nothing: zero-width spaces
 * and joiners, bidi marks, variation selectors, tag characters. `AKIA\u200bIOSF…` shows the whole
 * key, so matching skips them as it skips escapes (ansi.ts). These are the default-ignorable code
 * points xterm's width table makes zero-width (checked against it in ansi-xterm.test.ts), and
 * U+FFF9–U+FFFB. Ones xterm gives a cell (U+00AD, U+3164 …) leave a gap on screen and stay text.
 * In order: isInvisible stops at the first range past a code point.
 */
export const INVISIBLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x034f, 0x034f],
  [0x1160, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180d],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2063],
  [0x206a, 0x206f],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xfff9, 0xfffb],
  [0x1d173, 0x1d17a],
  [0xe0001, 0xe0001],
  [0xe0020, 0xe007f],
  [0xe0100, 0xe01ef],
];

/**
 * The first two UTF-8 bytes those characters can start with: any other character (box drawing
 * and arrows share their lead byte E2) is visible after one look-up, without decoding it.
 */
const INVISIBLE_PREFIX = new Uint8Array(1 << 16);
for (const [first, last] of INVISIBLE_RANGES) {
  for (let codePoint = first; codePoint <= last; codePoint++) {
    const bytes = Buffer.from(String.fromCodePoint(codePoint), 'utf8');
    INVISIBLE_PREFIX[(bytes[0]! << 8) | bytes[1]!] = 1;
  }
}

const hasInvisiblePrefix = (raw: Buffer, i: number) => i + 1 < raw.length && INVISIBLE_PREFIX[(raw[i]! << 8) | raw[i + 1]!] === 1;

/** Whether the well-formed UTF-8 character of `length` bytes at `i` is drawn as nothing. */
export function isInvisibleCharacter(raw: Buffer, i: number, length: number): boolean {
  return hasInvisiblePrefix(raw, i) && isInvisible(codePointAt(raw, i, length));
}

/** The length of the character at `i` if it is one drawn as nothing, else 0. */
export function invisibleLength(raw: Buffer, i: number): number {
  if (!hasInvisiblePrefix(raw, i)) return 0;
  const length = utf8Length(raw, i);
  return length > 0 && isInvisible(codePointAt(raw, i, length)) ? length : 0;
}

/** Where the run of characters drawn as nothing that starts at `i` ends. */
export function invisibleRunEnd(raw: Buffer, i: number): number {
  let end = i;
  for (let length = invisibleLength(raw, end); length > 0; length = end < raw.length ? invisibleLength(raw, end) : 0) end += length;
  return end;
}

/** The ranges' characters of the Basic Multilingual Plane, one look-up each (`—`, `’` and `…` share a prefix with them). */
const INVISIBLE_BMP = new Uint8Array(1 << 16);
for (const [first, last] of INVISIBLE_RANGES) if (last < 1 << 16) INVISIBLE_BMP.fill(1, first, last + 1);

function isInvisible(codePoint: number): boolean {
  if (codePoint < 1 << 16) return INVISIBLE_BMP[codePoint] === 1;
  for (const [first, last] of INVISIBLE_RANGES) {
    if (codePoint < first) return false;
    if (codePoint <= last) return true;
  }
  return false;
}

/** The code point of the well-formed UTF-8 character of `length` bytes at `i`. */
function codePointAt(raw: Buffer, i: number, length: number): number {
  const b = raw[i]!;
  if (length === 2) return ((b & 0x1f) << 6) | (raw[i + 1]! & 0x3f);
  if (length === 3) return ((b & 0x0f) << 12) | ((raw[i + 1]! & 0x3f) << 6) | (raw[i + 2]! & 0x3f);
  return ((b & 0x07) << 18) | ((raw[i + 1]! & 0x3f) << 12) | ((raw[i + 2]! & 0x3f) << 6) | (raw[i + 3]! & 0x3f);
}

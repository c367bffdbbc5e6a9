/**
 * The search for the bytes stripAnsi (ansi.ts) looks closer at: escapes, controls the screen
 * drops, and bytes from 0x80 that do not start a character xterm prints. It runs over every byte
 * of output, so it reads many bytes at a time: 16 in WebAssembly (wasm/wasm-scans.ts), else 4.
 */
import { BS } from './backspace';
import { isInvisibleCharacter } from './invisible-characters';
import { utf8Length } from './utf8-length';
import { loadForHiddenSearch, nextHiddenLoaded } from './wasm/wasm-scans';

/** UTF-8 of U+0080–U+009F, the C1 controls, starts with this byte; xterm reads them as controls (U+009B is CSI). */
export const C1_LEAD = 0xc2;
/**
 * ESC, and the C0 controls the screen drops: NUL, 0x01–0x07 (BEL ends an OSC, but outside one
 * it only rings), SO/SI, 0x10–0x1A, 0x1C–0x1F and DEL. `AKIA…\0…` shows the whole key in
 * xterm, so they are invisible to matching like escapes. TAB, LF, VT, FF, CR and BS move the
 * cursor and stay in the text (the rendered-screen check covers what they rearrange). 2: a byte
 * from 0x80, hidden unless it starts a valid UTF-8 character other than a C1 control or one drawn
 * as nothing (invisible-characters.ts; xterm drops bytes that are not UTF-8: `AKIA\x80IOSF…`
 * shows the whole key). 3: BS, which in typed input deletes the character before it (see
 * eraseBefore).
 */
export const HIDDEN = new Uint8Array(256);
for (let b = 0; b < 0x20; b++) HIDDEN[b] = b < 0x08 || b > 0x0d ? 1 : 0;
HIDDEN[0x7f] = 1;
HIDDEN.fill(2, 0x80);
HIDDEN[BS] = 3;

/** Whether a C1 control's UTF-8 (U+0080–U+009F) is at `i`. */
export function isC1(raw: Uint8Array, i: number): boolean {
  return raw[i] === C1_LEAD && i + 1 < raw.length && raw[i + 1]! >= 0x80 && raw[i + 1]! < 0xa0;
}

/**
 * The aligned middle of `raw` as 32-bit words, made once per frame: a frame with coloured
 * text asks for the next hidden byte a few times per line, and a view per call cost more
 * than the search.
 */
export interface Words {
  view: Uint32Array;
  /** Index in `raw` of the first word's first byte. */
  start: number;
}

const NO_WORDS: Words = { view: new Uint32Array(0), start: 0 };
/** The frame was copied for the WebAssembly search (wasm/wasm-scans.ts), which reads 16 bytes at a time. */
const LOADED: Words = { view: new Uint32Array(0), start: 0 };

/** The frame's search, made once per frame: WebAssembly's copy of it or, without (`wasm` false in tests), its words. */
export function wordsOf(raw: Buffer, wasm = true): Words {
  if (wasm && loadForHiddenSearch(raw)) return LOADED;
  const start = (4 - (raw.byteOffset & 3)) & 3;
  if (raw.length - start < 4) return NO_WORDS;
  return { view: new Uint32Array(raw.buffer, raw.byteOffset + start, (raw.length - start) >>> 2), start };
}

/**
 * Position of the next ESC or dropped control from `from`, or -1. Every frame is scanned, so
 * 16 bytes at a time in WebAssembly or, in JavaScript, four: a word is looked at byte by byte
 * only if it holds one (~4x a byte loop, ~5x a regex over the latin1 string).
 */
export function nextHidden(raw: Buffer, words: Words, from: number): number {
  const n = raw.length;
  if (words === LOADED) return nextHiddenInLoaded(raw, from);
  const { view, start } = words;
  // Bytes before the first whole word at or after `from` (all of them when there are no words).
  let w = from <= start ? 0 : (from - start + 3) >>> 2;
  const wordsFrom = view.length === 0 ? n : Math.min(n, start + 4 * w);
  let i = from;
  for (; i < wordsFrom; i++) {
    if (HIDDEN[raw[i]!] === 0) continue;
    const skip = visibleCharacter(raw, i);
    if (skip === 0) return i;
    i += skip - 1;
  }
  for (; w < view.length; w++) {
    const x = view[w]!;
    const low = x & 0x7f7f7f7f;
    const del = x ^ 0x7f7f7f7f;
    // Some byte below 0x09 (BS included), from 0x0e to 0x1f, 0x7f, or from 0x80; not the TAB, LF
    // and CR that end every line (exact tests, no false negatives).
    if ((((x - 0x09090909) & ~x) | ((0x9f9f9f9f - low) & ~x & (low + 0x72727272)) | ((del - 0x01010101) & ~del) | x) & 0x80808080) {
      const wordEnd = start + 4 * w + 4;
      // From `i` on: a character read in an earlier word may reach into this one.
      for (let k = Math.max(i, wordEnd - 4); k < wordEnd; k++) {
        if (HIDDEN[raw[k]!] === 0) continue;
        const skip = visibleCharacter(raw, k);
        if (skip === 0) return k;
        k += skip - 1;
        i = k + 1;
      }
    }
  }
  for (i = Math.max(i, start + 4 * view.length); i < n; i++) {
    if (HIDDEN[raw[i]!] === 0) continue;
    const skip = visibleCharacter(raw, i);
    if (skip === 0) return i;
    i += skip - 1;
  }
  return -1;
}

/** nextHidden over the frame loaded for WebAssembly: it finds the bytes to look closer at, and skips the characters that print. */
function nextHiddenInLoaded(raw: Buffer, from: number): number {
  const n = raw.length;
  for (let i = nextHiddenLoaded(raw, from); i < n; i = nextHiddenLoaded(raw, i)) {
    const skip = visibleCharacter(raw, i);
    if (skip === 0) return i;
    i += skip;
  }
  return -1;
}

/** The length of the UTF-8 character xterm prints at `i` (a byte from 0x80), or 0: not UTF-8, a C1 control, drawn as nothing, or cut by the end. */
function visibleCharacter(raw: Buffer, i: number): number {
  const b = raw[i]!;
  if (b < 0x80) return 0;
  if (isC1(raw, i)) return 0;
  const length = utf8Length(raw, i);
  if (length <= 0) return 0;
  return isInvisibleCharacter(raw, i, length) ? 0 : length;
}

/**
 * Terminal escape sequences (ECMA-48) and the controls a terminal neither prints nor moves the
 * cursor for: matching sees the text without them, and masking maps matches back onto the raw
 * bytes so they survive.
 */

const ESC = 0x1b;
const BEL = 0x07;
/**
 * ESC, and the C0 controls the screen drops: NUL, 0x01–0x07 (BEL ends an OSC, but outside one
 * it only rings), SO/SI, 0x10–0x1A, 0x1C–0x1F and DEL. `AKIA…\0…` shows the whole key in
 * xterm, so they are invisible to matching like escapes. TAB, LF, VT, FF, CR and BS move the
 * cursor and stay in the text (the rendered-screen check covers what they rearrange).
 */
const HIDDEN = new Uint8Array(256);
for (let b = 0; b < 0x20; b++) HIDDEN[b] = b < 0x08 || b > 0x0d ? 1 : 0;
HIDDEN[0x7f] = 1;
/** An unterminated sequence longer than this is given up on (emitted as it is; a string sequence's body is then read as text). */
export const MAX_PENDING = 4096;

export interface AnsiScan {
  /** The bytes with escape sequences removed, as a latin1 string (one character per byte). */
  clean: string;
  /**
   * The same bytes as a buffer: `raw` itself when there was no escape, else a new buffer or,
   * when the caller allowed it, one the next such call reuses (read it first, never keep it).
   */
  cleanBytes: Buffer;
  /** Flat triples `[cleanPos, rawStart, rawEnd]`, one per sequence, in order. */
  escapes: number[];
  /** Raw bytes covered: `raw[complete..]` is an escape sequence still incomplete. */
  complete: number;
  /** Whether a complete string sequence (OSC, DCS, APC …) is among the escapes: its body holds text. */
  hasStringSequence: boolean;
}

const NO_ESCAPES: number[] = [];
let scratch = Buffer.allocUnsafeSlow(0);
const MAX_SCRATCH = 1 << 20;

/**
 * With `final`, an incomplete trailing sequence is taken as it is instead of waited for. With
 * `canReuse`, `cleanBytes` may be a buffer the next such call overwrites.
 */
export function stripAnsi(raw: Buffer, final: boolean, canReuse = false): AnsiScan {
  const words = wordsOf(raw);
  let at = nextHidden(raw, words, 0);
  if (at === -1) return { clean: raw.toString('latin1'), cleanBytes: raw, escapes: NO_ESCAPES, complete: raw.length, hasStringSequence: false };

  if (canReuse && scratch.length < raw.length && raw.length <= MAX_SCRATCH) {
    scratch = Buffer.allocUnsafeSlow(Math.max(raw.length, 2 * scratch.length, 16384));
  }
  const clean = canReuse && raw.length <= scratch.length ? scratch : Buffer.allocUnsafe(raw.length);
  const escapes: number[] = [];
  let cleanLength = 0;
  let rawPos = 0;
  let complete = raw.length;
  let hasStringSequence = false;
  while (at !== -1) {
    copyInto(clean, cleanLength, raw, rawPos, at);
    cleanLength += at - rawPos;
    let end: number;
    if (raw[at] !== ESC) {
      // A run of controls the screen drops: one entry, masked over like an escape.
      end = at + 1;
      while (end < raw.length && raw[end] !== ESC && HIDDEN[raw[end]!] === 1) end++;
    } else {
      end = sequenceEnd(raw, at);
      if (end === -1) {
        if (!final && raw.length - at < MAX_PENDING) {
          complete = at;
          rawPos = at;
          break;
        }
        // A string sequence given up on (a title never terminated): its body is read as text,
        // so a secret that runs on past the point where waiting stopped is still one match.
        end = isStringSequence(raw[at + 1]) ? at + 2 : raw.length;
      } else if (!hasStringSequence) {
        hasStringSequence = isStringSequence(raw[at + 1]);
      }
    }
    escapes.push(cleanLength, at, end);
    rawPos = end;
    at = nextHidden(raw, words, end);
  }
  if (complete === raw.length) {
    copyInto(clean, cleanLength, raw, rawPos, raw.length);
    cleanLength += raw.length - rawPos;
  }
  return { clean: clean.toString('latin1', 0, cleanLength), cleanBytes: clean.subarray(0, cleanLength), escapes, complete, hasStringSequence };
}

/**
 * The aligned middle of `raw` as 32-bit words, made once per frame: a frame with coloured
 * text asks for the next hidden byte a few times per line, and a view per call cost more
 * than the search.
 */
interface Words {
  view: Uint32Array;
  /** Index in `raw` of the first word's first byte. */
  start: number;
}

const NO_WORDS: Words = { view: new Uint32Array(0), start: 0 };

function wordsOf(raw: Buffer): Words {
  const start = (4 - (raw.byteOffset & 3)) & 3;
  if (raw.length - start < 4) return NO_WORDS;
  return { view: new Uint32Array(raw.buffer, raw.byteOffset + start, (raw.length - start) >>> 2), start };
}

/**
 * Position of the next ESC or dropped control from `from`, or -1. Every frame is scanned, so
 * four bytes at a time: a word is looked at byte by byte only if it holds one. ~4x a byte
 * loop, ~5x a regex over the latin1 string.
 */
function nextHidden(raw: Buffer, words: Words, from: number): number {
  const n = raw.length;
  const { view, start } = words;
  // Bytes before the first whole word at or after `from` (all of them when there are no words).
  let w = from <= start ? 0 : (from - start + 3) >>> 2;
  const wordsFrom = view.length === 0 ? n : Math.min(n, start + 4 * w);
  let i = from;
  for (; i < wordsFrom; i++) if (HIDDEN[raw[i]!] === 1) return i;
  for (; w < view.length; w++) {
    const x = view[w]!;
    const low = x & 0x7f7f7f7f;
    const del = x ^ 0x7f7f7f7f;
    // Some byte below 0x08, from 0x0e to 0x1f, or 0x7f; not the TAB, LF and CR that end every
    // line (exact tests, no false negatives: bytes from 0x80 never count).
    if ((((x - 0x08080808) & ~x) | ((0x9f9f9f9f - low) & ~x & (low + 0x72727272)) | ((del - 0x01010101) & ~del)) & 0x80808080) {
      const at = start + 4 * w;
      for (let k = at; k < at + 4; k++) if (HIDDEN[raw[k]!] === 1) return k;
    }
  }
  for (i = Math.max(i, start + 4 * view.length); i < n; i++) if (HIDDEN[raw[i]!] === 1) return i;
  return -1;
}

/** OSC, DCS, SOS, PM, APC: bodies of text ended by ST (or BEL). */
export function isStringSequence(kind: number | undefined): boolean {
  return kind === 0x5d || kind === 0x50 || kind === 0x58 || kind === 0x5e || kind === 0x5f;
}

/** Text between escapes is often a few bytes (a coloured word): a loop beats a view and a copy. */
function copyInto(target: Buffer, at: number, source: Buffer, from: number, to: number): void {
  if (to - from <= 64) for (let i = from; i < to; i++) target[at + i - from] = source[i]!;
  else target.set(source.subarray(from, to), at);
}

/** End (exclusive) of the sequence starting with ESC at `i`, or -1 if it is not complete yet. */
export function sequenceEnd(raw: Uint8Array, i: number): number {
  const n = raw.length;
  if (i + 1 >= n) return -1;
  const kind = raw[i + 1]!;
  if (kind === 0x5b) {
    // CSI: parameters 0x30–0x3F, intermediates 0x20–0x2F, final 0x40–0x7E.
    let j = i + 2;
    while (j < n && raw[j]! >= 0x30 && raw[j]! <= 0x3f) j++;
    while (j < n && raw[j]! >= 0x20 && raw[j]! <= 0x2f) j++;
    if (j >= n) return -1;
    return raw[j]! >= 0x40 && raw[j]! <= 0x7e ? j + 1 : j;
  }
  if (kind === 0x5d || kind === 0x50 || kind === 0x58 || kind === 0x5e || kind === 0x5f) {
    // OSC, DCS, SOS, PM, APC: a string ended by ST (ESC \) or, for OSC, BEL.
    for (let j = i + 2; j < n; j++) {
      const b = raw[j]!;
      if (b === BEL && kind === 0x5d) return j + 1;
      if (b === ESC) {
        if (j + 1 >= n) return -1;
        return raw[j + 1] === 0x5c ? j + 2 : j;
      }
    }
    return -1;
  }
  if (kind >= 0x20 && kind <= 0x2f) {
    // nF: intermediates then a final byte (ESC ( B).
    let j = i + 1;
    while (j < n && raw[j]! >= 0x20 && raw[j]! <= 0x2f) j++;
    if (j >= n) return -1;
    return raw[j]! >= 0x30 && raw[j]! <= 0x7e ? j + 1 : j;
  }
  if (kind >= 0x30 && kind <= 0x7e) return i + 2; // ESC 7, ESC =, ESC M ...
  return i + 1; // a lone ESC
}

/**
 * Raw position of clean byte `cleanPos`: after every escape that precedes it. `hint` is the
 * index of the first escape triple to consider (positions are looked up in increasing order).
 */
export function rawIndex(escapes: number[], cleanPos: number, hint: { next: number }): number {
  let i = hint.next;
  while (i < escapes.length && escapes[i]! <= cleanPos) i += 3;
  hint.next = i;
  // After escape k, raw position rawEnd_k holds clean position cleanPos_k.
  return i === 0 ? cleanPos : cleanPos + escapes[i - 1]! - escapes[i - 3]!;
}

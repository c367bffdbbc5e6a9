/**
 * Terminal escape sequences (ECMA-48) and the bytes a terminal neither prints nor moves the
 * cursor for: matching sees the text without them, and masking maps matches back onto the raw
 * bytes so they survive. What counts as a sequence, and where it ends, follows xterm's parser
 * (the browser's terminal): a secret is one match wherever the screen shows it as one.
 */
import { BS, DEL, eraseBefore } from './backspace';
import { invisibleLength, invisibleRunEnd } from './invisible-characters';
import { utf8Length } from './utf8-length';
import { C1_LEAD, HIDDEN, isC1, nextHidden, wordsOf } from './hidden-bytes';

const ESC = 0x1b;
const BEL = 0x07;
/** CAN and SUB cancel a sequence: what follows is text again. */
const CAN = 0x18;
const SUB = 0x1a;
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
  /** Raw starts of the entries that are an erased character or the backspace that erased it (see eraseBefore). */
  erased: ReadonlySet<number>;
}

const NO_ESCAPES: number[] = [];
const NONE_ERASED: ReadonlySet<number> = new Set();
let scratch = Buffer.allocUnsafeSlow(0);
const MAX_SCRATCH = 1 << 20;

/**
 * With `final`, an incomplete trailing sequence is taken as it is instead of waited for. With
 * `canReuse`, `cleanBytes` may be a buffer the next such call overwrites.
 *
 * With `keystrokes`, the bytes are typed input, read as the shell's line editor reads them: DEL
 * and BS delete the character before (see eraseBefore), so a key typed with a typo corrected
 * (`…P-⌫LE`) is one match. The clean offsets of what follows a deleted character move, so a
 * caller that keeps offsets between calls maps raw positions again (cleanIndex). Otherwise (output,
 * written text) DEL is dropped like the other controls and BS stays in the text: the screen
 * still shows the character before it until something overwrites it.
 */
export function stripAnsi(raw: Buffer, final: boolean, canReuse = false, keystrokes = false): AnsiScan {
  const words = wordsOf(raw);
  let at = nextHidden(raw, words, 0);
  if (at === -1)
    return { clean: raw.toString('latin1'), cleanBytes: raw, escapes: NO_ESCAPES, complete: raw.length, hasStringSequence: false, erased: NONE_ERASED };

  if (canReuse && scratch.length < raw.length && raw.length <= MAX_SCRATCH) {
    scratch = Buffer.allocUnsafeSlow(Math.max(raw.length, 2 * scratch.length, 16384));
  }
  const clean = canReuse && raw.length <= scratch.length ? scratch : Buffer.allocUnsafe(raw.length);
  const escapes: number[] = [];
  let erased: Set<number> | null = null;
  let cleanLength = 0;
  let rawPos = 0;
  let complete = raw.length;
  let hasStringSequence = false;
  while (at !== -1) {
    copyInto(clean, cleanLength, raw, rawPos, at);
    cleanLength += at - rawPos;
    let end: number;
    const b = raw[at]!;
    if (b === BS || (b === DEL && keystrokes)) {
      const erasedTo = keystrokes ? eraseBefore(clean, cleanLength, escapes, (erased ??= new Set()), at) : -1;
      if (erasedTo >= 0) {
        cleanLength = erasedTo;
        rawPos = at + 1;
      } else if (b === BS) {
        clean[cleanLength++] = BS; // output, or nothing to delete: the text is read as it is
        rawPos = at + 1;
      } else {
        escapes.push(cleanLength, at, at + 1);
        rawPos = at + 1;
      }
      at = nextHidden(raw, words, rawPos);
      continue;
    }
    if (HIDDEN[b] === 1 && b !== ESC) {
      // A run of controls the screen drops: one entry, masked over like an escape.
      end = at + 1;
      while (end < raw.length && raw[end] !== ESC && HIDDEN[raw[end]!] === 1 && !(raw[end] === DEL && keystrokes)) end++;
    } else if (invisibleLength(raw, at) > 0) {
      end = invisibleRunEnd(raw, at); // one entry, like a run of dropped controls
    } else if (raw[at] !== ESC && !isC1(raw, at)) {
      // Bytes that are not UTF-8 (nextHidden skips valid characters), as one entry (binary output
      // is mostly such bytes); a character cut by the frame's end waits for the rest.
      end = utf8Length(raw, at) === -1 ? -1 : at + 1;
      if (end === -1 && !final) {
        complete = at;
        rawPos = at;
        break;
      }
      if (end === -1) end = raw.length;
      while (end < raw.length && raw[end]! >= 0x80 && !isC1(raw, end) && utf8Length(raw, end) === 0) end++;
    } else {
      const introducer = introducerOf(raw, at);
      // No introducer: a C1 control of two bytes, or ESC with nothing after it yet.
      end = introducer === -1 ? sequenceEnd(raw, at) : endFrom(raw, at, introducer);
      if (end === -1) {
        if (!final && raw.length - at < MAX_PENDING) {
          complete = at;
          rawPos = at;
          break;
        }
        // A string sequence given up on (a title never terminated): its body is read as text,
        // so a secret that runs on past the point where waiting stopped is still one match.
        end = introducer >= 0 && isStringSequence(raw[introducer]) ? introducer + 1 : raw.length;
      } else if (!hasStringSequence) {
        hasStringSequence = introducer >= 0 && isStringSequence(raw[introducer]);
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
  return {
    clean: clean.toString('latin1', 0, cleanLength),
    cleanBytes: clean.subarray(0, cleanLength),
    escapes,
    complete,
    hasStringSequence,
    erased: erased ?? NONE_ERASED,
  };
}

/**
 * Clean position of raw position `rawPos`: where the text after it starts (inside an entry: the
 * entry's position). The inverse of rawIndex between entries.
 */
export function cleanIndex(escapes: readonly number[], rawPos: number): number {
  let i = 0;
  while (i < escapes.length && escapes[i + 2]! <= rawPos) i += 3;
  if (i < escapes.length && escapes[i + 1]! < rawPos) return escapes[i]!;
  return i === 0 ? rawPos : escapes[i - 3]! + rawPos - escapes[i - 1]!;
}

/** Text between escapes is often a few bytes (a coloured word): a loop beats a view and a copy. */
function copyInto(target: Buffer, at: number, source: Buffer, from: number, to: number): void {
  if (to - from <= 64) for (let i = from; i < to; i++) target[at + i - from] = source[i]!;
  else target.set(source.subarray(from, to), at);
}

/** C1 controls (their UTF-8 second byte) that introduce a sequence, as ESC and this byte − 0x40 would. */
const C1_INTRODUCERS = new Uint8Array(256); // 0: not an introducer
for (const [c1, kind] of [
  [0x9b, 0x5b],
  [0x9d, 0x5d],
  [0x90, 0x50],
  [0x98, 0x58],
  [0x9e, 0x5e],
  [0x9f, 0x5f],
] as const)
  C1_INTRODUCERS[c1] = kind;

/**
 * Where the byte saying what a sequence is sits (`[` for a CSI, `]` for an OSC …) for the
 * sequence at `i` (ESC, or a C1 control), or -1 when there is none (yet). In ESC's state xterm
 * runs C0 controls and goes on, so `ESC \x01 [` is a CSI.
 */
export function introducerOf(raw: Uint8Array, i: number): number {
  if (raw[i] !== ESC) return isC1(raw, i) && C1_INTRODUCERS[raw[i + 1]!] !== 0 ? i + 1 : -1;
  let j = i + 1;
  while (j < raw.length && runsInSequence(raw[j]!)) j++;
  return j < raw.length ? j : -1;
}

/** Whether the introducer's byte (after ESC, or a C1 control's second byte) starts a string sequence: OSC, DCS, SOS, PM, APC. */
export function isStringSequence(introducer: number | undefined): boolean {
  const kind = introducer === undefined ? undefined : C1_INTRODUCERS[introducer] || introducer;
  return kind === 0x5d || kind === 0x50 || kind === 0x58 || kind === 0x5e || kind === 0x5f;
}

/** A C0 control run inside a sequence, or DEL (ignored): the sequence goes on past it. CAN, SUB and ESC end it. */
function runsInSequence(b: number): boolean {
  return (b < 0x20 && b !== CAN && b !== SUB && b !== ESC) || b === 0x7f;
}

/**
 * End (exclusive) of the sequence starting at `i` (ESC, or a C1 control's UTF-8), or -1 if it
 * is not complete yet. As xterm's parser ends it: a CSI at its final byte however malformed
 * what comes before (`\e[!0m` is one sequence: xterm ignores it whole), any sequence at CAN or
 * SUB (cancelled) or at the next ESC; a string sequence at ST (ESC \\ or C1 ST) or, for an
 * OSC, BEL. Other C1 controls are one control of two bytes.
 */
export function sequenceEnd(raw: Uint8Array, i: number): number {
  if (isC1(raw, i) && C1_INTRODUCERS[raw[i + 1]!] === 0) return i + 2;
  const at = introducerOf(raw, i);
  return at === -1 ? -1 : endFrom(raw, i, at);
}

/** sequenceEnd, with the sequence's introducer at `at` (see introducerOf). */
function endFrom(raw: Uint8Array, i: number, at: number): number {
  if (raw[i] !== ESC) {
    const kind = C1_INTRODUCERS[raw[at]!]!;
    return kind === 0x5b ? csiEnd(raw, at + 1) : stringEnd(raw, kind, at + 1);
  }
  const kind = raw[at]!;
  if (kind === CAN || kind === SUB) return at + 1;
  if (kind === ESC) return at;
  if (kind === 0x5b) return csiEnd(raw, at + 1);
  if (isStringSequence(kind)) return stringEnd(raw, kind, at + 1);
  if (kind >= 0x20 && kind <= 0x2f) return nfEnd(raw, at + 1);
  if (kind < 0x80) return at + 1; // ESC 7, ESC =, ESC M ...
  // ESC and a character: xterm drops both.
  const length = utf8Length(raw, at);
  return length === -1 ? -1 : at + Math.max(1, length);
}

/**
 * The string sequence (OSC, DCS, SOS, PM, APC) starting at `i`, ESC or C1 form: where its body
 * starts and ends and where the sequence ends; `null` if none starts there, `incomplete` if it
 * has not ended yet. The body is what a terminal keeps (a title, a link target): it holds text.
 */
export function stringSequenceAt(raw: Uint8Array, i: number): { bodyStart: number; bodyEnd: number; end: number } | null | 'incomplete' {
  const at = introducerOf(raw, i);
  if (at === -1 || !isStringSequence(raw[at])) return null;
  const end = sequenceEnd(raw, i);
  if (end === -1) return 'incomplete';
  const terminator =
    raw[end - 1] === BEL || raw[end - 1] === CAN || raw[end - 1] === SUB
      ? 1
      : (raw[end - 2] === ESC && raw[end - 1] === 0x5c) || (raw[end - 2] === C1_LEAD && raw[end - 1] === 0x9c)
        ? 2
        : 0;
  return { bodyStart: at + 1, bodyEnd: Math.max(at + 1, end - terminator), end };
}

/** After `ESC [`: parameters, intermediates and anything out of order, up to the final byte. */
function csiEnd(raw: Uint8Array, j: number): number {
  for (; j < raw.length; j++) {
    const b = raw[j]!;
    if (b >= 0x20 && b < 0x40) continue;
    if (b >= 0x40 && b <= 0x7e) return j + 1;
    if (b === CAN || b === SUB) return j + 1;
    if (b === ESC) return j;
    if (b >= 0x80) {
      // A C1 control starts anew; any other character ends the sequence and is dropped with it.
      if (isC1(raw, j)) return j;
      const length = utf8Length(raw, j);
      return length === -1 ? -1 : j + Math.max(1, length);
    }
  }
  return -1;
}

/** After `ESC (` and the like: intermediates up to the final byte (0x30–0x7E). */
function nfEnd(raw: Uint8Array, j: number): number {
  for (; j < raw.length; j++) {
    const b = raw[j]!;
    if (b >= 0x30 && b <= 0x7e) return j + 1;
    if (b === CAN || b === SUB) return j + 1;
    if (b === ESC || b >= 0x80) return j;
  }
  return -1;
}

/** After a string sequence's introducer: its body, up to ST, BEL for an OSC, or CAN/SUB. */
function stringEnd(raw: Uint8Array, kind: number, j: number): number {
  const n = raw.length;
  for (; j < n; j++) {
    const b = raw[j]!;
    if (b === BEL && kind === 0x5d) return j + 1;
    if (b === CAN || b === SUB) return j + 1;
    if (b === C1_LEAD) {
      if (j + 1 >= n) return -1;
      if (raw[j + 1] === 0x9c) return j + 2; // C1 ST
    }
    if (b === ESC) {
      if (j + 1 >= n) return -1;
      return raw[j + 1] === 0x5c ? j + 2 : j;
    }
  }
  return -1;
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

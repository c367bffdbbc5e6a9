import { isStringSequence, sequenceEnd } from './ansi';
import type { MaskEvent } from './types';

const ESC = 0x1b;
const BEL = 0x07;

/** A mask inside a string sequence: where its label is in the rewritten bytes. */
export interface BodyMask {
  rawAt: number;
  event: MaskEvent;
}

/**
 * Escape sequences are invisible to matching (a colour inside a key must not hide it), but a
 * string sequence carries text that is stored and shown elsewhere: a window title (OSC 0/2),
 * a hyperlink target (OSC 8), DCS and APC payloads. Each complete one from `from` on has its
 * body masked on its own, failing closed at its end (`maskBody` is the masker's step then
 * `end`); the introducer and terminator are kept, so the sequence stays valid. Returns the
 * rewritten bytes, or null when no body held anything to mask.
 */
export function maskStringBodies(
  raw: Buffer,
  from: number,
  maskBody: (body: Buffer) => { output: Buffer; events: readonly MaskEvent[] },
): { raw: Buffer; masks: BodyMask[] } | null {
  let parts: Buffer[] | null = null;
  const masks: BodyMask[] = [];
  let copied = 0;
  let length = 0;
  for (let esc = raw.indexOf(ESC, from); esc !== -1; esc = raw.indexOf(ESC, esc + 1)) {
    const kind = raw[esc + 1];
    if (!isStringSequence(kind)) continue;
    const end = sequenceEnd(raw, esc);
    // Incomplete: held until it is, or given up on and then read as text (see stripAnsi).
    if (end === -1) break;
    const bodyEnd = kind === 0x5d && raw[end - 1] === BEL ? end - 1 : end - 2 >= esc + 2 && raw[end - 2] === ESC && raw[end - 1] === 0x5c ? end - 2 : end;
    if (bodyEnd > esc + 2) {
      const masked = maskBody(raw.subarray(esc + 2, bodyEnd));
      if (masked.events.length > 0) {
        parts ??= [];
        parts.push(raw.subarray(copied, esc + 2), masked.output);
        const bodyAt = length + esc + 2 - copied;
        for (const event of masked.events) masks.push({ rawAt: bodyAt + event.offset, event });
        length += esc + 2 - copied + masked.output.length;
        copied = bodyEnd;
      }
    }
    esc = Math.max(esc, end - 1);
  }
  if (!parts) return null;
  parts.push(raw.subarray(copied));
  return { raw: Buffer.concat(parts), masks };
}

import { stringSequenceAt } from './ansi';
import type { MaskEvent } from './types';

const ESC = 0x1b;
/** First byte of a C1 control's UTF-8 (OSC, DCS … have C1 forms too). */
const C1_LEAD = 0xc2;

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
  for (let esc = nextIntroducer(raw, from); esc !== -1; esc = nextIntroducer(raw, esc + 1)) {
    const found = stringSequenceAt(raw, esc);
    if (found === null) continue;
    // Incomplete: held until it is, or given up on and then read as text (see stripAnsi).
    if (found === 'incomplete') break;
    const { bodyStart, bodyEnd, end } = found;
    if (bodyEnd > bodyStart) {
      const masked = maskBody(raw.subarray(bodyStart, bodyEnd));
      if (masked.events.length > 0) {
        parts ??= [];
        parts.push(raw.subarray(copied, bodyStart), masked.output);
        const bodyAt = length + bodyStart - copied;
        for (const event of masked.events) masks.push({ rawAt: bodyAt + event.offset, event });
        length += bodyStart - copied + masked.output.length;
        copied = bodyEnd;
      }
    }
    esc = Math.max(esc, end - 1);
  }
  if (!parts) return null;
  parts.push(raw.subarray(copied));
  return { raw: Buffer.concat(parts), masks };
}

/** The next ESC or C1 lead byte from `from`, or -1. */
function nextIntroducer(raw: Buffer, from: number): number {
  const esc = raw.indexOf(ESC, from);
  const c1 = raw.indexOf(C1_LEAD, from);
  return esc === -1 ? c1 : c1 === -1 ? esc : Math.min(esc, c1);
}

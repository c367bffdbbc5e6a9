import { rawIndex, type AnsiScan } from './ansi';
import type { CompiledRules } from './compile-rules';
import type { Match } from './find-matches';
import type { MaskEvent } from './types';

/**
 * Builds the output for `raw` from `rawStart` up to `rawEnd` (see renderedEnd): each masked span's characters
 * are replaced by its label, while escape sequences inside it are kept (after the label), so
 * colours and cursor state survive and the secret does not. Erased characters and the
 * backspaces that erased them (a typo corrected inside the secret) are left out: together they
 * move nothing, and one could be a character of the secret.
 */
const NO_EVENTS: readonly MaskEvent[] = Object.freeze([]);

/** Raw position up to which output is rendered for clean position `cleanEnd`. */
export function renderedEnd(ansi: AnsiScan, cleanEnd: number): number {
  return cleanEnd >= ansi.clean.length ? ansi.complete : rawIndex(ansi.escapes, cleanEnd, { next: 0 });
}

export function renderOutput(
  compiled: CompiledRules,
  raw: Buffer,
  ansi: AnsiScan,
  matches: readonly Match[],
  rawStart: number,
  rawEnd: number,
  outputOffset: number,
): { output: Buffer; events: readonly MaskEvent[]; rawEnd: number } {
  const { escapes, erased } = ansi;
  if (matches.length === 0) {
    return { output: rawStart === 0 && rawEnd === raw.length ? raw : raw.subarray(rawStart, rawEnd), events: NO_EVENTS, rawEnd };
  }

  const parts: Buffer[] = [];
  const events: MaskEvent[] = [];
  const hint = { next: 0 };
  let length = 0;
  let rawPos = rawStart;
  let escape = 0;
  const push = (part: Buffer): void => {
    if (part.length === 0) return;
    parts.push(part);
    length += part.length;
  };
  for (const m of matches) {
    const start = m.maskStart;
    let end = m.maskEnd;
    const rule = m.rule >= 0 ? compiled.rules[m.rule]! : undefined;
    if (rule?.strategy === 'keep-last-4' && end - start > 8) end -= 4;
    const rawStart = rawIndex(escapes, start, hint);
    const rawStop = rawIndex(escapes, end - 1, hint) + 1;
    push(raw.subarray(rawPos, rawStart));
    if (rule) {
      const label = compiled.labels[m.rule]!;
      events.push({ ruleId: rule.id, rule: rule.name, offset: outputOffset + length, length: label.length });
      push(label);
    }
    while (escape < escapes.length && escapes[escape + 1]! < rawStart) escape += 3;
    while (escape < escapes.length && escapes[escape + 2]! <= rawStop) {
      if (!erased.has(escapes[escape + 1]!)) push(raw.subarray(escapes[escape + 1], escapes[escape + 2]));
      escape += 3;
    }
    rawPos = rawStop;
  }
  push(raw.subarray(rawPos, rawEnd));
  return { output: parts.length === 1 ? parts[0]! : Buffer.concat(parts, length), events, rawEnd };
}

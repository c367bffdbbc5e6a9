/**
 * Where masking happened in a recording, for the replay timeline: a mark per moment, with the
 * rules that fired and how many masks. Masks close together share a mark, and a recording keeps
 * at most MAX_MASK_MARKS, so a secret-dense log tail cannot grow the recording's row.
 */
export type MaskMark = { t: number; count: number; rules: string[] };

export const MAX_MASK_MARKS = 500;
/** Masks this close to the previous mark join it. */
export const MASK_MARK_JOIN_SECONDS = 1;

/** Adds masks at `t` (never earlier than the last mark) to `marks`, in place. */
export function addMaskMark(marks: MaskMark[], t: number, rules: readonly string[]): void {
  const last = marks.at(-1);
  if (last && (t - last.t < MASK_MARK_JOIN_SECONDS || marks.length >= MAX_MASK_MARKS)) {
    last.count += rules.length;
    for (const rule of rules) if (!last.rules.includes(rule)) last.rules.push(rule);
    return;
  }
  marks.push({ t, count: rules.length, rules: [...new Set(rules)] });
}

import { z } from 'zod';

/**
 * Where masking happened, stored in a session recording as a marker event (`m`) whose text is
 * this JSON, beside SQL events (lib/sql/sql-events.ts) which use the same kind. It names the
 * rules and where their replacements sit in the recorded stream: never the secret.
 */
export const MASK_MARKER_VERSION = 1;

export const maskMarker = z.object({
  v: z.literal(MASK_MARKER_VERSION),
  /** Which stream was masked: the output, or typed input. */
  mask: z.enum(['output', 'input']),
  /** The session's running total after these masks. */
  count: z.number().int().nonnegative(),
  /** Byte offsets of the replacements in the recorded stream of that direction. */
  masks: z.array(z.object({ rule: z.string(), offset: z.number().int().nonnegative(), length: z.number().int().nonnegative() })),
});
export type MaskMarker = z.infer<typeof maskMarker>;

export function encodeMaskMarker(marker: Omit<MaskMarker, 'v'>): string {
  return JSON.stringify({ v: MASK_MARKER_VERSION, ...marker });
}

/** The marker, or null for any other marker text (SQL events, anything unknown). */
export function decodeMaskMarker(text: string): MaskMarker | null {
  if (!text.startsWith('{"v":1,"mask"')) return null;
  try {
    const parsed = maskMarker.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** One line for a timeline tick or an asciicast marker: "masked: AWS access key ID, JWT". */
export function describeMaskMarker(marker: MaskMarker): string {
  const rules = [...new Set(marker.masks.map((m) => m.rule))];
  return `masked${marker.mask === 'input' ? ' in typed input' : ''}: ${rules.join(', ')}`;
}
